"""Contributing departments: the network administrator adds a central department the way a
union is added; its editors write on the central site only, through the centre's approval;
their articles carry the department as their source, on the page and as a hub filter."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Collection, WorkflowState

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from centre.factories import DepartmentFactory
from centre.services import ensure_network_admins_group
from sites.models import Department
from sites.permissions import is_network_wide, reads_network_content
from tests.conftest import host
from tests.forms import article_form
from tests.users import member

pytestmark = pytest.mark.django_db
STRONG = "Xuan-Giap-Thin-2024!"


@pytest.fixture
def department(network):
    return DepartmentFactory(
        name="Ban Chính sách - Pháp luật - Quan hệ lao động",
        short_name="Ban CS-PL-QHLĐ",
        slug="chinh-sach",
    )


@pytest.fixture
def writer(department):
    return member(department.editors_group, "bt_ban")


def add_url(column):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk))


def test_network_admin_adds_a_department_with_its_first_editor(client, network):
    admin = get_user_model().objects.create_user("quantri", password=STRONG)
    admin.groups.add(ensure_network_admins_group())
    client.force_login(admin)
    form = client.get(reverse("department_admin:add"))
    assert form.status_code == 200 and "Tên ban" in form.text
    response = client.post(
        reverse("department_admin:add"),
        {
            "name": "Ban Chính sách - Pháp luật - Quan hệ lao động",
            "short_name": "Ban CS-PL-QHLĐ",
            "slug": "",
            "editor_username": "bientap.chinh-sach",
            "editor_email": "bt@example.vn",
            "editor_password": STRONG,
        },
    )
    assert response.status_code == 302
    department = Department.objects.get()
    assert department.slug == "ban-cs-pl-qhld"  # folded from the short name
    assert department.collection.get_parent() == network.central.collection
    editor = get_user_model().objects.get(username="bientap.chinh-sach")
    assert list(editor.groups.all()) == [department.editors_group]
    listing = client.get(reverse("department_admin:index"))
    assert "Ban CS-PL-QHLĐ" in listing.text

    # Renamed: its group follows.
    response = client.post(
        reverse("department_admin:edit", args=(department.pk,)),
        {"name": "Ban Chính sách - Pháp luật", "short_name": "Ban CS-PL"},
    )
    assert response.status_code == 302
    department.refresh_from_db()
    assert department.editors_group.name.startswith("Ban CS-PL –")


def test_a_taken_code_or_weak_password_creates_nothing(client, network, department):
    admin = get_user_model().objects.create_user("quantri", password=STRONG)
    admin.groups.add(ensure_network_admins_group())
    client.force_login(admin)
    before = (Department.objects.count(), Group.objects.count(), Collection.objects.count())
    for data in (
        {"name": "Ban khác", "short_name": "Ban K", "slug": "chinh-sach"},
        {"name": "Ban khác", "short_name": "Ban CS-PL-QHLĐ", "slug": "ban-k"},
        {
            "name": "Ban khác",
            "short_name": "Ban K",
            "slug": "",
            "editor_username": "bt.k",
            "editor_password": "123",
        },
    ):
        response = client.post(reverse("department_admin:add"), data)
        assert response.status_code == 200 and "error-message" in response.text
    assert (
        "Mã “chinh-sach” đã được dùng cho ban khác."
        in client.post(
            reverse("department_admin:add"),
            {"name": "Ban khác", "short_name": "Ban K", "slug": "chinh-sach"},
        ).content.decode()
    )
    after = (Department.objects.count(), Group.objects.count(), Collection.objects.count())
    assert after == before
    assert not get_user_model().objects.filter(username="bt.k").exists()


def test_union_users_and_department_editors_cannot_manage_departments(client, network, writer):
    for user in (member(network.a.approvers_group, "ap_a"), writer):
        client.force_login(user)
        assert client.get(reverse("department_admin:index")).status_code == 403
        assert client.post(reverse("department_admin:add"), {"name": "x"}).status_code == 403


def test_department_editor_writes_on_the_central_site_through_the_centres_approval(
    client, network, department, writer
):
    approver = member(network.central.approvers_group, "tg")
    assert not is_network_wide(writer) and not reads_network_content(writer)
    client.force_login(writer)
    column = network.columns["trung-uong"]
    form = client.get(add_url(column))
    assert form.status_code == 200
    # Only its own department, chosen already.
    choices = list(form.context["form"].fields["department"].queryset)
    assert choices == [department]
    assert form.context["form"].initial["department"] == department.pk

    mail.outbox.clear()
    # "Publish" is not theirs: the article stays a draft.
    data = article_form("Bài của ban", department=department.pk, **{"action-publish": "x"})
    client.post(add_url(column), data)
    page = ArticlePage.objects.get(title="Bài của ban")
    assert not page.live and page.department == department

    data = article_form("Bài gửi duyệt", department=department.pk, **{"action-submit": "x"})
    assert client.post(add_url(column), data).status_code == 302
    page = ArticlePage.objects.get(title="Bài gửi duyệt")
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    assert not page.live
    # The centre's approvers are told and approve it.
    assert "tg@example.vn" in {a for m in mail.outbox for a in m.to}
    client.force_login(approver)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.live and page.department == department


def test_department_editor_reaches_no_union_page(client, network, writer):
    client.force_login(writer)
    union_column = network.columns["tu-phap"]
    article = ArticlePageFactory(parent=union_column, title="Bài của Tư pháp")
    assert client.get(add_url(union_column)).status_code in (403, 404)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).status_code in (
        403,
        404,
    )
    assert client.get(reverse("wagtailadmin_explore", args=(union_column.pk,))).status_code == 404
    # Its own site is explorable.
    central = network.central.home_page
    assert client.get(reverse("wagtailadmin_explore", args=(central.pk,))).status_code == 200
    data = article_form("Chen vào", **{"action-submit": "x"})
    client.post(add_url(union_column), data)
    assert not ArticlePage.objects.filter(title="Chen vào").exists()


def test_a_department_editor_cannot_name_another_department(client, network, writer):
    other = DepartmentFactory(slug="ban-khac")
    client.force_login(writer)
    data = article_form("Bài sai ban", department=other.pk, **{"action-submit": "x"})
    response = client.post(add_url(network.columns["trung-uong"]), data)
    assert response.status_code == 200  # the form again, with the error
    assert not ArticlePage.objects.filter(title="Bài sai ban").exists()


def test_union_articles_have_no_department_field(client, network, department):
    client.force_login(member(network.a.editors_group, "ed_a"))
    form = client.get(add_url(network.columns["tu-phap"]))
    assert form.status_code == 200
    assert "department" not in form.context["form"].fields
    assert "Ban cung cấp tin" not in form.text


def test_the_source_is_shown_and_filters_the_hub(client, network, department):
    supplied = ArticlePageFactory(
        parent=network.columns["trung-uong"], title="Chế độ mới cho đoàn viên"
    )
    ArticlePage.objects.filter(pk=supplied.pk).update(department=department)
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin Tư pháp")
    central = host(network.central)

    page = client.get(
        supplied.url_path.replace(network.central.home_page.url_path, "/"), HTTP_HOST=central
    )
    assert page.status_code == 200
    assert "Nguồn: Ban Chính sách - Pháp luật - Quan hệ lao động" in page.text

    hub_url = network.hub.url_path.replace(network.central.home_page.url_path, "/")
    everything = client.get(hub_url, HTTP_HOST=central)
    assert "Tin Tư pháp" in everything.text and "Chế độ mới cho đoàn viên" in everything.text
    assert "Ban CS-PL-QHLĐ" in everything.text  # the card's source label
    filtered = client.get(hub_url, {"department": "chinh-sach"}, HTTP_HOST=central)
    assert "Chế độ mới cho đoàn viên" in filtered.text and "Tin Tư pháp" not in filtered.text
    unknown = client.get(hub_url, {"department": "khong-co"}, HTTP_HOST=central)
    assert unknown.status_code == 200 and "Tin Tư pháp" in unknown.text
