"""Direct admin URLs for another union's objects answer 403 or 404, including the routes
where Wagtail has had permission advisories; shared central objects stay readable."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction

from blog.factories import ArticlePageFactory
from blog.models import Campaign

pytestmark = pytest.mark.django_db


def leaks(response):
    """Whether the response names union B's objects (plainly or JSON-escaped)."""
    text = response.content.decode()
    return any(marker in text for marker in ["Nội vụ XYZ", json.dumps("Nội vụ XYZ")[1:-1]])


@pytest.fixture
def setup(network):
    approver = get_user_model().objects.create_user("ap_a", password="x")
    approver.groups.add(network.a.approvers_group)
    other = ArticlePageFactory(parent=network.columns["noi-vu"], title="Bài của Nội vụ XYZ")
    revision = other.save_revision()
    revision.publish()
    other_image = get_image_model().objects.create(
        title="Ảnh của Nội vụ XYZ", file=get_test_image_file(), collection=network.b.collection
    )
    central_image = get_image_model().objects.create(
        title="Áp phích trung ương", file=get_test_image_file(),
        collection=network.central.collection,
    )  # fmt: skip
    own = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài của Tư pháp")
    return approver, other, revision, other_image, central_image, own


def test_other_unions_objects_answer_403_or_404(client, network, setup):
    approver, other, revision, other_image, _central_image, _own = setup
    client.force_login(approver)
    pk = other.pk
    urls = [
        f"/admin/pages/{network.b.home_page.pk}/",
        f"/admin/pages/{pk}/edit/",
        f"/admin/pages/{pk}/edit/preview/",
        f"/admin/pages/{pk}/history/",
        f"/admin/pages/{pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{pk}/revisions/compare/earliest...{revision.pk}/",
        f"/admin/pages/{pk}/revisions/{revision.pk}/revert/",
        f"/admin/pages/{pk}/workflow_history/",
        f"/admin/pages/{pk}/copy/",
        f"/admin/pages/{pk}/move/",
        f"/admin/pages/{pk}/delete/",
        f"/admin/pages/{pk}/unpublish/",
        f"/admin/pages/{pk}/privacy/",
        f"/admin/pages/{pk}/usage/",
        f"/admin/pages/add/blog/articlepage/{network.columns['noi-vu'].pk}/",
        f"/admin/choose-page/{network.b.home_page.pk}/",
        f"/admin/localize/submit/page/{pk}/",
        f"/admin/api/main/pages/{pk}/",
        f"/admin/api/main/images/{other_image.pk}/",
        f"/admin/images/{other_image.pk}/",
        f"/admin/images/{other_image.pk}/delete/",
        reverse("wagtailimages_chooser:chosen", args=(other_image.pk,)),
        f"/admin/collections/{network.b.collection.pk}/",
        f"/admin/settings/sites/sitebranding/{network.b.site.pk}/",
        "/admin/reports/page-types-usage/",
        "/admin/unions/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/workflows/list/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (403, 404), (url, response.status_code)
        assert not leaks(response), url
    for url in [f"/admin/pages/{pk}/lock/", f"/admin/pages/{pk}/unpublish/"]:
        assert client.post(url).status_code in (403, 404), url
    other.refresh_from_db()
    assert other.live and not other.locked


def test_listings_and_searches_never_show_other_unions(client, network, setup):
    approver, *_ = setup
    client.force_login(approver)
    for url in [
        "/admin/",
        "/admin/pages/search/?q=XYZ",
        "/admin/choose-page/search/?q=XYZ",
        "/admin/api/main/pages/?search=XYZ",
        "/admin/api/main/images/",
        "/admin/images/?q=XYZ",
        "/admin/images/chooser/results/?q=XYZ",
        "/admin/documents/chooser/results/?q=XYZ",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 403), url
        assert not leaks(response), url


def copied_into(client, page, parent, publish):
    """Whether the admin's copy form put a copy of ``page`` under ``parent``."""
    before = parent.get_children().count()
    client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": parent.pk,
            "copy_subpages": False,
            "publish_copies": publish,
        },
    )
    return parent.get_children().count() != before


def test_copy_into_another_union_is_refused(client, network, setup):
    approver, *_, own = setup
    client.force_login(approver)
    assert not copied_into(client, own, network.columns["noi-vu"], publish=False)


def test_shared_central_material_is_choosable_but_not_editable(client, network, setup):
    approver, _other, _rev, _img, central_image, _own = setup
    client.force_login(approver)
    results = client.get("/admin/images/chooser/results/", {"q": "Áp phích"})
    assert "Áp phích trung ương" in results.text
    chosen = client.get(reverse("wagtailimages_chooser:chosen", args=(central_image.pk,)))
    assert chosen.status_code == 200
    assert client.get(f"/admin/images/{central_image.pk}/").status_code in (403, 404)


def test_campaigns_and_columns_are_readable_by_unions_but_only_the_centre_edits_them(
    client, network, setup
):
    approver, *_ = setup
    client.force_login(approver)
    campaign = network.campaign
    assert client.get("/admin/snippets/blog/campaign/").status_code == 200
    chooser = client.get("/admin/snippets/choose/blog/campaign/")
    assert campaign.name in json.loads(chooser.text)["html"]
    edit_url = f"/admin/snippets/blog/campaign/edit/{campaign.pk}/"
    assert client.get(edit_url).status_code == 403
    client.post(edit_url, {"name": "Đổi tên", "start_date": "01/01/2024", "end_date": "02/02/2024"})
    assert Campaign.objects.get(pk=campaign.pk).name == campaign.name
    assert client.post(f"/admin/snippets/blog/campaign/delete/{campaign.pk}/").status_code == 403
    assert Campaign.objects.filter(pk=campaign.pk).exists()

    central = get_user_model().objects.create_user("tuyen_giao", password="x")
    central.groups.add(network.central.approvers_group)
    client.force_login(central)
    assert client.get(edit_url).status_code == 200


def test_documents_of_other_unions_are_out_of_reach(client, network, setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    approver, *_ = setup
    document = get_document_model().objects.create(
        title="Tệp XYZ", file=SimpleUploadedFile("x.txt", b"x"), collection=network.b.collection
    )
    client.force_login(approver)
    for url in [
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/delete/{document.pk}/",
        reverse("wagtaildocs_chooser:chosen", args=(document.pk,)),
        f"/admin/api/main/documents/{document.pk}/",
    ]:
        assert client.get(url).status_code in (403, 404), url


def test_settings_switcher_offers_only_the_unions_own_site(client, network, setup):
    approver, *_ = setup
    client.force_login(approver)
    response = client.get(f"/admin/settings/sites/sitebranding/{network.a.site.pk}/")
    assert response.status_code == 200
    # With a single permitted site Wagtail shows no switcher at all.
    switcher = response.context["site_switcher"]
    if switcher is not None:
        offered = {site.pk for site in switcher.fields["site"].queryset}
        assert offered == {network.a.site.pk}
    assert network.b.name not in response.text
    # Without a site in the URL, the approver lands on their own site's settings.
    response = client.get("/admin/settings/sites/sitebranding/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/sitebranding/{network.a.site.pk}/")


@pytest.mark.parametrize("role", ["union approver", "central department"])
def test_no_admin_api_action_reaches_another_unions_page(client, network, setup, role):
    """Every admin API page action, by an approver of A or by the central department, on a
    page of union B: refused, and the page (and its tree) unchanged."""
    approver, other, revision, *_ = setup
    user = approver
    if role == "central department":
        user = get_user_model().objects.create_user("tg_api", password="x")
        user.groups.add(network.central.approvers_group)
    client.force_login(user)
    other.title = "Bản nháp mới của Nội vụ"
    draft = other.save_revision()
    own_column = network.columns["trung-uong" if role == "central department" else "tu-phap"]
    before = Page.objects.descendant_of(network.b.home_page).count()
    actions = {
        "publish": {},
        "unpublish": {},
        "delete": {},
        "move": {"destination_page_id": own_column.pk, "position": "last-child"},
        "copy": {"destination_page_id": own_column.pk},
        "create_alias": {"destination_page_id": own_column.pk},
        "convert_alias": {},
        "copy_for_translation": {"locale": "en"},
        "revert_to_page_revision": {"revision_id": revision.pk},
    }
    for action, data in actions.items():
        response = client.post(
            f"/admin/api/main/pages/{other.pk}/action/{action}/",
            data,
            content_type="application/json",
        )
        assert response.status_code in (400, 403, 404), (action, response.status_code)
        assert not leaks(response), action
    other.refresh_from_db()
    assert other.live and other.title == "Bài của Nội vụ XYZ"
    assert other.get_latest_revision().pk == draft.pk
    assert Page.objects.descendant_of(network.b.home_page).count() == before
    assert not Page.objects.filter(title__contains="Nội vụ XYZ").exclude(pk=other.pk).exists()


def test_the_central_department_cannot_copy_into_or_restrict_a_union_page(client, network, setup):
    _approver, other, *_ = setup
    central = get_user_model().objects.create_user("tg_copy", password="x")
    central.groups.add(network.central.approvers_group)
    client.force_login(central)
    own = ArticlePageFactory(parent=network.columns["trung-uong"], title="Bài trung ương")
    assert not copied_into(client, own, network.columns["noi-vu"], publish=True)
    response = client.post(
        f"/admin/pages/{other.pk}/privacy/", {"restriction_type": "password", "password": "x"}
    )
    assert response.status_code in (403, 404)
    assert not PageViewRestriction.objects.filter(page=other).exists()
    assert client.post(f"/admin/pages/{other.pk}/lock/").status_code in (403, 404)
    other.refresh_from_db()
    assert not other.locked
