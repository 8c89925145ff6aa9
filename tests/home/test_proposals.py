"""Proposals for Tiêu điểm: a union's approver proposes its published article, the central
department accepts or declines it from its desk in one action, the proposer hears back; no
other union can propose, see or decide."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from blog.factories import ArticlePageFactory
from home.models import FeatureProposal, ProposalStatus
from tests.conftest import host

pytestmark = pytest.mark.django_db


def user_in(group, name):
    user = get_user_model().objects.create_user(name, f"{name}@example.vn", "x")
    user.groups.add(group)
    return user


@pytest.fixture
def setting(network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Phiên chợ 0 đồng")
    article.save_revision().publish()
    return {
        "article": article,
        "approver_a": user_in(network.a.approvers_group, "duyet-td-a"),
        "editor_a": user_in(network.a.editors_group, "bientap-td-a"),
        "approver_b": user_in(network.b.approvers_group, "duyet-td-b"),
        "centre": user_in(network.central.approvers_group, "duyet-td-tw"),
    }


def propose(client, user, article, reason="Mô hình hay, nên nhân rộng."):
    client.force_login(user)
    return client.post(reverse("feature_propose", args=(article.pk,)), {"reason": reason})


def test_an_approver_proposes_and_the_centre_accepts_in_one_action(
    client, network, setting, django_capture_on_commit_callbacks
):
    article = setting["article"]
    client.force_login(setting["approver_a"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert reverse("feature_propose", args=(article.pk,)) in edit  # the header's button
    assert propose(client, setting["approver_a"], article).status_code == 302
    proposal = FeatureProposal.objects.get(article=article)
    assert proposal.status == ProposalStatus.PENDING and proposal.union == network.a

    client.force_login(setting["centre"])
    desk = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mô hình hay, nên nhân rộng." in desk and "Phiên chợ 0 đồng" in desk
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("feature_decide", args=(proposal.pk,)),
            {"decision": "accept", "answer": "Rất hay."},
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.decided_by == setting["centre"]
    front = client.get("/", HTTP_HOST=host(network.central))
    assert front.context["lead"].title == "Phiên chợ 0 đồng"  # live at once, first in Tiêu điểm
    recipients = sorted(a for m in mail.outbox for a in m.to)
    assert recipients == ["duyet-td-a@example.vn"]  # the proposer, A's approver; never B's
    assert "Rất hay." in mail.outbox[0].body and "đã lên Tiêu điểm" in mail.outbox[0].subject


def test_a_declined_proposal_features_nothing_and_says_so(
    client, network, setting, django_capture_on_commit_callbacks
):
    article = setting["article"]
    propose(client, setting["approver_a"], article)
    proposal = FeatureProposal.objects.get(article=article)
    client.force_login(setting["centre"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("feature_decide", args=(proposal.pk,)), {"decision": "decline"})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert client.get("/", HTTP_HOST=host(network.central)).context["featured"] == []
    assert "chưa được chọn" in mail.outbox[0].subject
    again = client.post(reverse("feature_decide", args=(proposal.pk,)), {"decision": "accept"})
    assert again.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED  # decided once


def test_only_the_unions_approvers_propose_and_only_the_centre_decides(client, network, setting):
    article = setting["article"]
    assert propose(client, setting["approver_b"], article).status_code == 404  # not B's page
    assert propose(client, setting["editor_a"], article).status_code == 403
    assert not FeatureProposal.objects.exists()
    propose(client, setting["approver_a"], article)
    duplicate = propose(client, setting["approver_a"], article)
    assert duplicate.status_code == 400 and "đang chờ Ban xem xét" in duplicate.content.decode()
    proposal = FeatureProposal.objects.get()
    for user in (setting["approver_a"], setting["approver_b"], setting["editor_a"]):
        client.force_login(user)
        decide = client.post(reverse("feature_decide", args=(proposal.pk,)), {"decision": "accept"})
        assert decide.status_code in (403, 404)
        assert "Mô hình hay" not in client.get(reverse("wagtailadmin_home")).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


def test_accepting_keeps_the_centres_draft_of_the_home(client, network, setting):
    from home.proposals import central_home, decide
    from home.proposals import propose as propose_service

    home = central_home()
    home.intro = "Bản nháp giới thiệu mới"
    home.save_revision()  # a draft in progress, not published
    proposal = propose_service(setting["article"], setting["approver_a"], "Hay.")
    decide(proposal, setting["centre"], accept=True)
    home = central_home()
    assert home.has_unpublished_changes
    draft = home.get_latest_revision_as_object()
    assert draft.intro == "Bản nháp giới thiệu mới"  # the draft kept its change
    assert [f.article_id for f in draft.featured_articles.all()] == [setting["article"].pk]
    assert home.intro != "Bản nháp giới thiệu mới"  # and is still not live
    assert [f.article_id for f in home.featured_articles.all()] == [setting["article"].pk]


def test_a_unions_home_shows_what_became_of_its_own_proposals(
    client, network, setting, django_capture_on_commit_callbacks
):
    article = setting["article"]
    propose(client, setting["approver_a"], article)
    proposal = FeatureProposal.objects.get(article=article)
    client.force_login(setting["centre"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("feature_decide", args=(proposal.pk,)),
            {"decision": "decline", "answer": "Chờ thêm ảnh đẹp hơn."},
        )
    for user in (setting["approver_a"], setting["editor_a"]):
        client.force_login(user)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        panel = home[home.index('id="own-proposals-heading"') :]
        assert "Phiên chợ 0 đồng" in panel and "Không chọn" in panel
        assert "Chờ thêm ảnh đẹp hơn." in panel
    client.force_login(setting["approver_b"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Phiên chợ 0 đồng" not in home and 'id="own-proposals-heading"' not in home
