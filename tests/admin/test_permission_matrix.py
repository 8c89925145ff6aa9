"""The permission matrix: role x object type x own/other union x action, through the real
admin URLs. Each cell is asserted; the table is printed (pytest -s) for the record."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnFactory, ColumnPageFactory
from tests.forms import article_form

pytestmark = pytest.mark.django_db

Y, N = True, False
PAGE_ACTIONS = [
    "list", "view", "choose", "edit", "publish", "unpublish", "take down", "delete", "privacy",
    "lock", "api publish", "api unpublish", "api move", "api delete",
    "bulk publish", "bulk unpublish", "bulk move", "bulk delete",
]  # fmt: skip
# The admin API and bulk actions answer exactly as the page views do.
ROUTES = {
    "api publish": "publish", "bulk publish": "publish",
    "api unpublish": "unpublish", "bulk unpublish": "unpublish",
    "api move": "move", "bulk move": "move",
    "api delete": "delete", "bulk delete": "delete",
}  # fmt: skip


def page_cells(**allowed):
    """Every page action, denied unless given; routes follow their page-view action."""
    allowed.setdefault("move", allowed.get("delete", N))
    cells = {action: allowed.get(ROUTES.get(action, action), N) for action in PAGE_ACTIONS}
    return cells


# Expected[(role, object, scope)] = {action: allowed}; absent actions do not apply.
EXPECTED = {
    # A union editor: writes on their own site, cannot publish, sees nothing of other unions.
    ("editor", "page", "own"): page_cells(
        list=Y, view=Y, choose=Y, edit=Y, publish=N, unpublish=N, delete=N, privacy=N, lock=N
    ),
    ("editor", "page", "other"): page_cells(),
    ("editor", "image", "own"): dict(list=Y, view=Y, choose=Y, edit=Y, delete=Y),
    ("editor", "image", "other"): dict(list=N, view=N, choose=N, edit=N, delete=N),
    ("editor", "document", "own"): dict(list=Y, view=Y, choose=Y, edit=Y, delete=Y),
    ("editor", "document", "other"): dict(list=N, view=N, choose=N, edit=N, delete=N),
    ("editor", "collection", "own"): dict(list=Y, view=N, edit=N, delete=N),
    ("editor", "collection", "other"): dict(list=N, view=N, edit=N, delete=N),
    ("editor", "site setting", "own"): dict(view=N, edit=N),
    ("editor", "site setting", "other"): dict(view=N, edit=N),
    # Wagtail's site history offers every user of the network in its filter: union users
    # follow their site through page histories instead (sites.admin_isolation).
    ("editor", "report", "own"): dict(list=N),
    ("editor", "report", "other"): dict(list=N),
    # Result reports (báo cáo kết quả) are filed by approvers only; editors never see one.
    ("editor", "result report", "own"): dict(list=N, view=N, edit=N, export=N),
    ("editor", "result report", "other"): dict(list=N, view=N, edit=N, export=N),
    # A union approver: everything the editor can, plus publishing and the site's branding.
    ("approver", "page", "own"): page_cells(
        list=Y, view=Y, choose=Y, edit=Y, publish=Y, unpublish=Y, delete=Y, privacy=Y, lock=Y
    ),
    ("approver", "page", "other"): page_cells(),
    ("approver", "image", "own"): dict(list=Y, view=Y, choose=Y, edit=Y, delete=Y),
    ("approver", "image", "other"): dict(list=N, view=N, choose=N, edit=N, delete=N),
    ("approver", "document", "own"): dict(list=Y, view=Y, choose=Y, edit=Y, delete=Y),
    ("approver", "document", "other"): dict(list=N, view=N, choose=N, edit=N, delete=N),
    ("approver", "collection", "own"): dict(list=Y, view=N, edit=N, delete=N),
    ("approver", "collection", "other"): dict(list=N, view=N, edit=N, delete=N),
    ("approver", "site setting", "own"): dict(view=Y, edit=Y),
    ("approver", "site setting", "other"): dict(view=N, edit=N),
    ("approver", "report", "own"): dict(list=N),
    ("approver", "report", "other"): dict(list=N),
    ("approver", "result report", "own"): dict(list=Y, view=Y, edit=Y, export=Y),
    ("approver", "result report", "other"): dict(list=N, view=N, edit=N, export=N),
    # The central department: its own (central) site in full; union sites browsable and
    # choosable, and a union page can be taken down (its own desk), never edited, published,
    # moved, deleted or made public, through any route.
    ("central", "page", "own"): page_cells(
        list=Y, view=Y, choose=Y, edit=Y, publish=Y, unpublish=Y, delete=Y, privacy=Y, lock=Y
    ),
    ("central", "page", "other"): page_cells(list=Y, choose=Y, **{"take down": Y}),
    ("central", "image", "own"): dict(list=Y, view=Y, choose=Y, edit=Y, delete=Y),
    ("central", "image", "other"): dict(list=N, view=N, choose=N, edit=N, delete=N),
    ("central", "document", "own"): dict(list=Y, view=Y, choose=Y, edit=Y, delete=Y),
    ("central", "document", "other"): dict(list=N, view=N, choose=N, edit=N, delete=N),
    ("central", "collection", "own"): dict(list=Y, view=N, edit=N, delete=N),
    ("central", "collection", "other"): dict(list=N, view=N, edit=N, delete=N),
    ("central", "site setting", "own"): dict(view=Y, edit=Y),
    ("central", "site setting", "other"): dict(view=N, edit=N),
    ("central", "report", "own"): dict(list=Y),
    # Wagtail's site history lists only pages one holds a permission on: the centre follows
    # union pages through its own desk ("Trang của các công đoàn"), not this report.
    ("central", "report", "other"): dict(list=N),
    # The centre reads, reviews and exports every union's report but never edits its figures.
    ("central", "result report", "other"): dict(list=Y, view=Y, edit=N, export=Y),
}


class World:
    """Objects of the central site, union A (own for union roles) and union B (other)."""

    def __init__(self, network):
        self.n = network
        User = get_user_model()
        self.users = {
            "editor": User.objects.create_user("ed-a", password="x"),
            "approver": User.objects.create_user("ap-a", password="x"),
            "central": User.objects.create_user("central", password="x"),
        }
        self.users["editor"].groups.add(network.a.editors_group)
        self.users["approver"].groups.add(network.a.approvers_group)
        self.users["central"].groups.add(network.central.approvers_group)
        self.unions = {"a": network.a, "b": network.b, "central": network.central}

    def scope_union(self, role, scope):
        if role == "central":
            return self.unions["central"] if scope == "own" else self.unions["a"]
        return self.unions["a"] if scope == "own" else self.unions["b"]

    def article(self, union, marker):
        column = self.n.columns[union.slug]
        page = ArticlePageFactory(parent=column, title=f"Bài {marker} riêng")
        page.save_revision(log_action=True).publish(log_action=True)
        return page

    def image(self, union, marker):
        return get_image_model().objects.create(
            title=f"Ảnh {marker} riêng", file=get_test_image_file(), collection=union.collection
        )

    def document(self, union, marker):
        return get_document_model().objects.create(
            title=f"Tệp {marker} riêng",
            file=SimpleUploadedFile("t.txt", b"noi dung"),
            collection=union.collection,
        )


def page_edit_data(page, **extra):
    return article_form(page.title + " (sửa)", slug=page.slug, **extra)


def _draft_change(page):
    """A newer draft of a live page: publishing it makes the title end with "(nháp)"."""
    page.title += " (nháp)"
    page.save_revision()
    page.refresh_from_db()


def _second_column(union, marker):
    """Somewhere to move an article to: another column of the same site."""
    return ColumnPageFactory(parent=union.home_page, column=ColumnFactory(name=f"Mục {marker}"))


def _restricted(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )


def check_page(client, world, union, action, marker):
    page = world.article(union, marker)
    title = page.title
    if action == "list":
        # Wagtail's explorer for a union's own pages, the take-down desk for the centre.
        explorer = client.get(f"/admin/pages/{page.get_parent().pk}/")
        desk = client.get(reverse("union_pages:index"), {"q": marker})
        return any(r.status_code == 200 and title in r.text for r in (explorer, desk))
    if action == "view":
        return client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    if action == "choose":
        r = client.get("/admin/choose-page/search/", {"q": marker})
        return r.status_code == 200 and title in r.text
    if action == "edit":
        client.post(f"/admin/pages/{page.pk}/edit/", page_edit_data(page))
        page.refresh_from_db()
        return page.get_latest_revision().content["title"].endswith("(sửa)")
    if action == "publish":
        client.post(
            f"/admin/pages/{page.pk}/edit/", page_edit_data(page, **{"action-publish": "publish"})
        )
        page.refresh_from_db()
        return page.title.endswith("(sửa)")
    if action == "unpublish":
        client.post(f"/admin/pages/{page.pk}/unpublish/")
        page.refresh_from_db()
        return not page.live
    if action == "take down":
        client.post(reverse("union_pages:take_down", args=[page.pk]), {"reason": "sai"})
        page.refresh_from_db()
        return not page.live
    if action == "delete":
        client.post(f"/admin/pages/{page.pk}/delete/")
        return not Page.objects.filter(pk=page.pk).exists()
    if action == "privacy":
        restriction = _restricted(page)
        client.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "none"})
        return not PageViewRestriction.objects.filter(pk=restriction.pk).exists()
    if action == "lock":
        client.post(f"/admin/pages/{page.pk}/lock/")
        page.refresh_from_db()
        return page.locked
    if action == "api publish":
        _draft_change(page)
        client.post(f"/admin/api/main/pages/{page.pk}/action/publish/")
        page.refresh_from_db()
        return page.title.endswith("(nháp)")
    if action == "api unpublish":
        client.post(f"/admin/api/main/pages/{page.pk}/action/unpublish/")
        page.refresh_from_db()
        return not page.live
    if action == "api move":
        home = _second_column(union, marker)
        client.post(
            f"/admin/api/main/pages/{page.pk}/action/move/",
            {"destination_page_id": home.pk, "position": "last-child"},
            content_type="application/json",
        )
        page.refresh_from_db()
        return page.get_parent().pk == home.pk
    if action == "api delete":
        client.post(f"/admin/api/main/pages/{page.pk}/action/delete/")
        return not Page.objects.filter(pk=page.pk).exists()
    if action == "bulk publish":
        _draft_change(page)
        client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {})
        page.refresh_from_db()
        return page.title.endswith("(nháp)")
    if action == "bulk unpublish":
        client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={page.pk}", {})
        page.refresh_from_db()
        return not page.live
    if action == "bulk delete":
        client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}", {})
        return not Page.objects.filter(pk=page.pk).exists()
    if action == "bulk move":
        home = _second_column(union, marker)
        client.post(f"/admin/bulk/wagtailcore/page/move/?id={page.pk}", {"chooser": home.pk})
        page.refresh_from_db()
        return page.get_parent().pk == home.pk
    raise AssertionError(action)


def check_media(kind):
    prefix = "images" if kind == "image" else "documents"

    def check(client, world, union, action, marker):
        obj = getattr(world, kind)(union, marker)
        model = type(obj)
        edit_url = (
            f"/admin/images/{obj.pk}/" if kind == "image" else f"/admin/documents/edit/{obj.pk}/"
        )
        if action == "list":
            r = client.get(f"/admin/{prefix}/", {"q": marker})
            return r.status_code == 200 and obj.title in r.text
        if action == "view":
            return client.get(edit_url).status_code == 200
        if action == "choose":
            r = client.get(f"/admin/{prefix}/chooser/results/", {"q": marker})
            listed = r.status_code == 200 and obj.title in r.text
            chosen = client.get(f"/admin/{prefix}/chooser/chosen/{obj.pk}/").status_code == 200
            assert listed == chosen, (kind, action, listed, chosen)
            return listed
        if action == "edit":
            data = {"title": obj.title + " (sửa)", "collection": obj.collection_id, "tags": ""}
            if kind == "image":
                data["description"] = "mô tả"
            client.post(edit_url, data)
            obj.refresh_from_db()
            return obj.title.endswith("(sửa)")
        if action == "delete":
            delete_url = (
                f"/admin/images/{obj.pk}/delete/"
                if kind == "image"
                else f"/admin/documents/delete/{obj.pk}/"
            )
            client.post(delete_url)
            return not model.objects.filter(pk=obj.pk).exists()
        raise AssertionError(action)

    return check


def check_collection(client, world, union, action, marker):
    collection = union.collection
    if action == "list":
        # Browsing the image library by this collection shows what it holds.
        image = world.image(union, marker)
        r = client.get("/admin/images/", {"collection_id": collection.pk})
        return r.status_code == 200 and image.title in r.text
    if action == "view":
        return client.get(f"/admin/collections/{collection.pk}/").status_code == 200
    if action == "edit":
        client.post(f"/admin/collections/{collection.pk}/", {"name": "Đổi tên", "parent": 1})
        collection.refresh_from_db()
        return collection.name == "Đổi tên"
    if action == "delete":
        client.post(f"/admin/collections/{collection.pk}/delete/")
        return not type(collection).objects.filter(pk=collection.pk).exists()
    raise AssertionError(action)


def check_site_setting(client, world, union, action, marker):
    url = f"/admin/settings/sites/sitebranding/{union.site.pk}/"
    if action == "view":
        return client.get(url).status_code == 200
    if action == "edit":
        client.post(url, {"primary_colour": "#123456", "tagline": marker})
        union.site.sitebranding.refresh_from_db()
        return union.site.sitebranding.tagline == marker
    raise AssertionError(action)


def check_report(client, world, union, action, marker):
    page = world.article(union, marker)
    r = client.get("/admin/reports/site-history/")
    return r.status_code == 200 and page.title in r.text


def check_result_report(client, world, union, action, marker):
    from django.urls import reverse

    from reports.models import CampaignReport, ReportTemplate
    from tests.reports.conftest import make_template

    campaign = world.n.campaign
    if not ReportTemplate.objects.filter(campaign=campaign).exists():
        make_template(campaign)
    # Returned: editable by the union, its figures visible to the centre.
    report, _created = CampaignReport.objects.update_or_create(
        union=union, campaign=campaign, defaults={"status": "returned", "values": {"suat-qua": 7}}
    )
    url = reverse("campaign_reports:report", args=[campaign.pk, union.pk])
    if action == "list":
        pages = [
            client.get(reverse("campaign_reports:index")),
            client.get(reverse("campaign_reports:dashboard", args=[campaign.pk])),
        ]
        return any(r.status_code == 200 and url in r.text for r in pages)
    if action == "view":
        return client.get(url).status_code == 200
    if action == "edit":
        client.post(url, {"fig_suat-qua": "12345", "action": "save"})
        report.refresh_from_db()
        return report.values.get("suat-qua") == 12345
    if action == "export":
        r = client.get(reverse("campaign_reports:report_export", args=[campaign.pk, union.pk]))
        return r.status_code == 200 and union.name in r.content.decode("utf-8-sig")
    raise AssertionError(action)


CHECKS = {
    "page": check_page,
    "image": check_media("image"),
    "document": check_media("document"),
    "collection": check_collection,
    "site setting": check_site_setting,
    "report": check_report,
    "result report": check_result_report,
}


@pytest.mark.parametrize("role", ["editor", "approver", "central"])
def test_permission_matrix(client, network, role):
    world = World(network)
    client.force_login(world.users[role])
    results, mismatches = {}, []
    for (cell_role, obj, scope), expected in EXPECTED.items():
        if cell_role != role:
            continue
        union = world.scope_union(role, scope)
        for action, allowed in expected.items():
            marker = f"{obj[:3]}{scope}{action}".replace(" ", "")
            actual = CHECKS[obj](client, world, union, action, marker)
            results[(obj, scope, action)] = actual
            if actual != allowed:
                mismatches.append((obj, scope, action, "expected", allowed, "got", actual))
    print(f"\n{role}:")
    for (obj, scope, action), actual in results.items():
        print(f"  {obj:12} {scope:5} {action:9} {'allowed' if actual else 'denied'}")
    assert not mismatches, mismatches
