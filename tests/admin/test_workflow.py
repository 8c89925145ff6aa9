"""Write -> submit -> approve (publishes) or reject (with a comment the editor sees)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from blog.models import ArticlePage
from tests.forms import article_form
from tests.users import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(network):
    return {
        "editor_a": member(network.a.editors_group, "ed_a"),
        "approver_a": member(network.a.approvers_group, "ap_a"),
        "editor_b": member(network.b.editors_group, "ed_b"),
        "approver_b": member(network.b.approvers_group, "ap_b"),
        "central": member(network.central.approvers_group, "tg"),
    }


def submit_article(client, network, editor, title="Bài chờ duyệt"):
    client.force_login(editor)
    column = network.columns["tu-phap"]
    data = article_form(title, **{"action-submit": "submit"})
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk)), data
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(title=title)
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    return page, state.current_task_state


def act(client, user, page, task_state, action, comment=""):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_submit_notifies_only_the_unions_approvers_and_approve_publishes(client, network, people):
    mail.outbox.clear()
    page, task_state = submit_article(client, network, people["editor_a"])
    assert not page.live
    recipients = {address for message in mail.outbox for address in message.to}
    assert "ap_a@example.vn" in recipients
    assert "ap_b@example.vn" not in recipients and "ed_b@example.vn" not in recipients

    act(client, people["approver_a"], page, task_state, "approve")
    page.refresh_from_db()
    assert page.live


def test_reject_keeps_it_unpublished_and_the_editor_sees_the_comment(client, network, people):
    page, task_state = submit_article(client, network, people["editor_a"])
    act(client, people["approver_a"], page, task_state, "reject", "Cần bổ sung ảnh và số liệu")
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == "rejected"

    client.force_login(people["editor_a"])
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)))
    detail = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=(page.pk, task_state.workflow_state.pk),
        )
    )
    assert history.status_code == 200
    assert "Cần bổ sung ảnh và số liệu" in detail.text


@pytest.mark.parametrize("intruder", ["editor_b", "approver_b", "editor_a", "central"])
def test_nobody_outside_the_unions_approvers_can_approve(client, network, people, intruder):
    page, task_state = submit_article(client, network, people["editor_a"])
    act(client, people[intruder], page, task_state, "approve")
    page.refresh_from_db()
    task_state.refresh_from_db()
    assert not page.live
    assert task_state.status == "in_progress"


def test_central_takedown_notifies_the_unions_approvers(client, network, people):
    from blog.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài cần gỡ")
    central = member(network.central.approvers_group, "tuyengiao")
    client.force_login(central)
    # The centre's desk lists the union's live page with a take-down button.
    desk = client.get(reverse("union_pages:index"), {"union": "tu-phap"})
    take_down_url = reverse("union_pages:take_down", args=(article.pk,))
    assert "Bài cần gỡ" in desk.text and take_down_url in desk.text
    # Its title search folds like the public search: typed without diacritics.
    assert "Bài cần gỡ" in client.get(reverse("union_pages:index"), {"q": "BAI can go"}).text
    assert "Bài cần gỡ" not in client.get(reverse("union_pages:index"), {"q": "bai khac"}).text
    # Wagtail's own unpublish is not the centre's to use on a union page.
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,))).status_code in (
        403,
        404,
    )
    article.refresh_from_db()
    assert article.live
    mail.outbox.clear()
    response = client.post(take_down_url, {"reason": "Ảnh chưa được phép đăng"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    takedown = [m for m in mail.outbox if "Bài cần gỡ" in m.subject]
    assert len(takedown) == 1
    assert takedown[0].to == ["ap_a@example.vn"]
    assert "tuyengiao" in takedown[0].body
    assert "Ảnh chưa được phép đăng" in takedown[0].body
    # The page is not the centre's: its history records the take-down, and the union's
    # approver can publish it again.
    assert client.get(take_down_url).status_code == 403  # no longer live
    client.force_login(people["approver_a"])
    assert client.get(reverse("union_pages:index")).status_code == 403
    assert client.get(reverse("wagtailadmin_pages:history", args=(article.pk,))).status_code == 200


def test_the_desk_takes_down_neither_home_pages_nor_central_pages(client, network, people):
    central = member(network.central.approvers_group, "tuyengiao")
    client.force_login(central)
    for page in (network.a.home_page, network.columns["trung-uong"]):
        assert client.post(reverse("union_pages:take_down", args=(page.pk,))).status_code == 403
        page.refresh_from_db()
        assert page.live
    assert client.get(reverse("union_pages:take_down", args=(999999,))).status_code == 404
    # Odd query strings give a sane page.
    for query in ({"p": "999999"}, {"p": "x"}, {"union": "khong-co"}, {"q": "x" * 5000}):
        assert client.get(reverse("union_pages:index"), query).status_code == 200


def test_unpublishing_ones_own_page_sends_no_takedown_mail(client, network, people):
    from blog.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài tự gỡ")
    client.force_login(people["approver_a"])
    mail.outbox.clear()
    client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))
    article.refresh_from_db()
    assert not article.live
    assert not [m for m in mail.outbox if "Bài tự gỡ" in m.subject]


def test_the_desk_runs_the_same_queries_for_more_unions_and_pages(client, network, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from blog.factories import ArticlePageFactory

    client.force_login(people["central"])
    url = reverse("union_pages:index")

    def count():
        client.get(url)  # warm-up: sessions, site roots
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    ArticlePageFactory(parent=network.columns["tu-phap"])
    before = count()
    for union in ("tu-phap", "noi-vu"):
        for _ in range(6):
            ArticlePageFactory(parent=network.columns[union])
    assert count() == before
