import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision, Site

from blog.factories import ArticlePageFactory
from centre.services import set_union_active
from sites.models import SiteBranding, Union
from sites.permissions import NETWORK_ADMINS_GROUP
from tests.conftest import host

pytestmark = pytest.mark.django_db
STRONG = "Xuan-Giap-Thin-2024!"


@pytest.fixture
def network_admin(network):
    user = get_user_model().objects.create_user("quantri", password=STRONG)
    user.groups.add(Group.objects.get(name=NETWORK_ADMINS_GROUP))
    return user


def form_data(**overrides):
    logo = get_test_image_file()
    data = {
        "name": "Công đoàn Bộ Y tế",
        "short_name": "CĐ Bộ Y tế",
        "slug": "y-te",
        "hostname": "y-te.example.test",
        "port": "80",
        "primary_colour": "#1f4e79",
        "contact_email": "congdoan@yte.example.vn",
        "logo": SimpleUploadedFile("logo.png", logo.file.getvalue(), "image/png"),
        "editor_username": "bientap.y-te",
        "editor_email": "bt@yte.example.vn",
        "editor_password": STRONG,
        "approver_username": "duyet.y-te",
        "approver_email": "d@yte.example.vn",
        "approver_password": STRONG,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def counts():
    return (
        Union.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        get_user_model().objects.count(),
    )


def test_network_admin_lists_unions_with_article_counts(client, network, network_admin):
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Một")
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Hai")
    client.force_login(network_admin)
    response = client.get("/admin/unions/")
    assert response.status_code == 200
    rows = {union.slug: union for union in response.context["object_list"]}
    assert rows["tu-phap"].article_count == 2
    assert rows["noi-vu"].article_count == 0
    assert f"http://{host(network.a)}/" in response.text
    assert network.a.name in response.text and "Đang hoạt động" in response.text


def test_union_users_cannot_reach_network_administration(client, network):
    editor = get_user_model().objects.create_user("ed", password=STRONG)
    editor.groups.add(network.a.approvers_group)
    client.force_login(editor)
    assert client.get("/admin/unions/").status_code == 403
    assert client.get("/admin/unions/new/").status_code == 403
    before = counts()
    assert client.post("/admin/unions/new/", form_data()).status_code == 403
    assert client.post(f"/admin/unions/{network.b.pk}/deactivate/").status_code == 403
    assert counts() == before
    network.b.refresh_from_db()
    assert network.b.is_active


def test_add_a_union_form_creates_a_working_site(client, network, network_admin):
    client.force_login(network_admin)
    response = client.post("/admin/unions/new/", form_data())
    assert response.status_code == 302, response.context["form"].errors
    union = Union.objects.get(slug="y-te")
    assert SiteBranding.for_site(union.site).logo.collection == union.collection

    client.logout()
    home = client.get("/", HTTP_HOST="y-te.example.test")
    assert home.status_code == 200 and home.context["page"].pk == union.home_page.pk

    assert client.login(username="bientap.y-te", password=STRONG)
    assert client.get(f"/admin/pages/{union.home_page.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{network.a.home_page.pk}/").status_code == 404
    explorer = client.get(f"/admin/pages/{union.home_page.pk}/edit/")
    assert explorer.status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"hostname": "tu-phap.example.test"}, "hostname"),
        ({"slug": "Y tế!"}, "slug"),
        ({"slug": "tu-phap"}, "slug"),
        ({"name": ""}, "name"),
        ({"editor_password": "123"}, "editor_password"),
        ({"approver_username": "bientap.y-te"}, "approver_username"),
    ],
)
def test_add_a_union_form_errors_create_nothing(client, network, network_admin, overrides, field):
    client.force_login(network_admin)
    before = counts()
    response = client.post("/admin/unions/new/", form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert counts() == before
    assert not get_image_model().objects.filter(title__startswith="Logo CĐ Bộ Y tế").exists()


def test_deactivate_and_reactivate_lose_nothing(client, network, network_admin):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài còn nguyên")
    article.save_revision().publish()
    editor = get_user_model().objects.create_user("bt", password=STRONG)
    editor.groups.add(network.a.editors_group)
    disabled_before = get_user_model().objects.create_user("cu", password=STRONG, is_active=False)
    disabled_before.groups.add(network.a.editors_group)
    snapshot = (
        Page.objects.descendant_of(network.a.home_page).count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
    )

    client.force_login(network_admin)
    assert client.post(f"/admin/unions/{network.a.pk}/deactivate/").status_code == 302
    offline = client.get(article.get_url_parts()[2], HTTP_HOST=host(network.a))
    assert offline.status_code == 503
    assert "tạm ngừng hoạt động" in offline.text
    assert client.get("/", HTTP_HOST=host(network.a)).status_code == 503
    editor.refresh_from_db()
    assert not editor.is_active
    hub = client.get(network.hub.get_url_parts()[2], HTTP_HOST=host(network.central))
    assert "Bài còn nguyên" not in hub.text

    assert client.post(f"/admin/unions/{network.a.pk}/reactivate/").status_code == 302
    editor.refresh_from_db()
    disabled_before.refresh_from_db()
    assert editor.is_active
    assert not disabled_before.is_active  # was disabled before; stays disabled
    online = client.get(article.get_url_parts()[2], HTTP_HOST=host(network.a))
    assert online.status_code == 200 and online.context["page"].pk == article.pk
    assert snapshot == (
        Page.objects.descendant_of(network.a.home_page).count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
    )


def test_the_central_site_cannot_be_deactivated(network):
    with pytest.raises(Exception, match="trung tâm"):
        set_union_active(network.central, False)


def test_network_admin_renames_and_moves_a_union(client, network, network_admin):
    client.force_login(network_admin)
    url = f"/admin/unions/edit/{network.a.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"name": "Công đoàn Bộ Tư pháp (mới)", "short_name": "CĐ TP", "hostname": "tp.example.test",
         "port": "80"},
    )  # fmt: skip
    assert response.status_code == 302
    network.a.refresh_from_db()
    network.a.editors_group.refresh_from_db()
    assert network.a.name == "Công đoàn Bộ Tư pháp (mới)"
    assert network.a.editors_group.name.startswith("CĐ TP")
    home = client.get("/", HTTP_HOST="tp.example.test")
    assert home.context["page"].pk == network.a.home_page.pk
    taken = client.post(
        url, {"name": "X", "short_name": "CĐ TP", "hostname": host(network.b), "port": "80"}
    )
    assert "hostname" in taken.context["form"].errors
    network.a.site.refresh_from_db()
    assert network.a.site.hostname == "tp.example.test"


def test_a_blank_code_is_made_from_the_short_name_in_the_readmes_style(
    client, network, network_admin
):
    client.force_login(network_admin)
    response = client.post("/admin/unions/new/", form_data(slug=""))
    assert response.status_code == 302
    union = Union.objects.get(short_name="CĐ Bộ Y tế")
    assert union.slug == "y-te"  # as `create_union_site --slug y-te` in README.md


@pytest.mark.parametrize(
    "short_name,code",
    [
        ("CĐ Bộ Y tế", "y-te"),
        ("Công đoàn Bộ Giáo dục và Đào tạo", "giao-duc-va-dao-tao"),
        ("CĐ Thông tấn xã VN", "thong-tan-xa-vn"),
        ("CĐ Bộ", "bo"),
    ],
)
def test_union_codes_leave_out_the_words_every_union_shares(short_name, code):
    from centre.forms import union_code

    assert union_code(short_name) == code


@pytest.mark.parametrize("debug,port", [(True, "8011"), (False, "80")])
def test_the_add_form_proposes_a_port_that_works_here(
    client, network, network_admin, settings, debug, port
):
    settings.DEBUG = debug
    client.force_login(network_admin)
    response = client.get("/admin/unions/new/", SERVER_PORT="8011")
    assert response.context["form"]["port"].value() == int(port)
