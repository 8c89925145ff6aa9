"""A union's pages, branding and reports use only the images and documents its users may
choose: their own union's and the central union's shared ones (core.file_access)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text, streamfield
from wagtail_factories import ImageFactory

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from sites.models import SiteBranding
from tests.forms import article_form
from tests.users import member

pytestmark = pytest.mark.django_db

REFUSED = "thuộc thư viện của đơn vị khác"
SECRET_TITLE = "Ảnh nội bộ của Nội vụ"
SECRET_ALT = "Hội nghị kín của Công đoàn Bộ Nội vụ"


def image(union, title, description):
    return ImageFactory(title=title, description=description, collection=union.collection)


def document(union, title, name="tai-lieu.txt"):
    doc = get_document_model()(title=title, collection=union.collection)
    doc.file.save(name, ContentFile(b"Noi dung tai lieu"), save=False)
    doc.save()
    return doc


@pytest.fixture
def files(network):
    from types import SimpleNamespace

    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin Tư pháp")
    article.save_revision()
    return SimpleNamespace(
        n=network,
        article=article,
        editor=member(network.a.editors_group, "bientap-a"),
        own=image(network.a, "Ảnh Tư pháp", "Đoàn viên Bộ Tư pháp nhận quà"),
        shared=image(network.central, "Ảnh dùng chung", "Biểu trưng Tết Sum vầy"),
        foreign=image(network.b, SECRET_TITLE, SECRET_ALT),
        own_doc=document(network.a, "Kế hoạch của Tư pháp", "ke-hoach-tu-phap.txt"),
        foreign_doc=document(network.b, "Báo cáo mật Nội vụ", "bao-cao-noi-vu.txt"),
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post_edit(client, f, **fields):
    client.force_login(f.editor)
    return client.post(edit_url(f.article), article_form("Tin Tư pháp", slug="tin", **fields))


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def shown(text, html):
    """In the page as text, or inside the JSON the admin's block editor reads."""
    return text in html or json.dumps(text)[1:-1] in html


def assert_refused(response, field, f, before, lead_image_id):
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert shown(REFUSED, html)
    # The redisplayed form shows nothing of the other union's file.
    for secret in (SECRET_TITLE, SECRET_ALT, "bao-cao-noi-vu", "Báo cáo mật Nội vụ"):
        assert not shown(secret, html)
    assert revisions(f.article) == before
    f.article.refresh_from_db()
    assert f.article.lead_image_id == lead_image_id


def test_another_unions_lead_image_is_refused_and_nothing_is_saved(client, files):
    f = files
    before, lead = revisions(f.article), f.article.lead_image_id

    response = post_edit(client, f, lead_image=f.foreign.pk)

    assert_refused(response, "lead_image", f, before, lead)
    assert str(response.context["form"].errors["lead_image"][0]).startswith("Ảnh này " + REFUSED)


def body_with(kind, f):
    if kind == "image":
        return streamfield([("image", {"image": f.foreign.pk, "caption": "Hội nghị"})])
    if kind == "gallery":
        return streamfield(
            [
                (
                    "gallery",
                    {
                        "title": "Phóng sự",
                        "images": streamfield(
                            [
                                ("item", {"image": f.own.pk, "caption": "Một"}),
                                ("item", {"image": f.foreign.pk, "caption": "Hai"}),
                            ]
                        ),
                    },
                )
            ]
        )
    if kind == "document":
        return streamfield([("document", {"document": f.foreign_doc.pk, "title": ""})])
    if kind == "rich text":
        link = f'<p>Xem <a linktype="document" id="{f.foreign_doc.pk}">báo cáo</a> nhé.</p>'
        return streamfield([("paragraph", rich_text(link))])
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["image", "gallery", "document", "rich text"])
def test_another_unions_files_in_the_body_are_refused(client, files, kind):
    f = files
    before, lead = revisions(f.article), f.article.lead_image_id

    response = post_edit(client, f, body=body_with(kind, f))

    assert_refused(response, "body", f, before, lead)
    error = response.context["form"].errors["body"].as_data()[0]
    block_error = error.block_errors[0]  # on the offending block itself
    if kind == "gallery":
        assert list(block_error.block_errors["images"].block_errors) == [1]  # the second picture
    assert REFUSED in json.dumps(error.as_json_data(), ensure_ascii=False)
    if kind == "rich text":
        # The link is taken out of the redisplayed paragraph; its words stay.
        state = json.loads(response.context["form"].data["body-0-value"])
        assert "báo cáo" in " ".join(block["text"] for block in state["blocks"])
        assert not state["entityMap"]
    f.article.refresh_from_db()
    assert not f.article.body.raw_data


@pytest.mark.parametrize("which", ["own", "shared"])
def test_own_and_shared_central_files_are_accepted(client, files, which):
    f = files
    picture = getattr(f, which)
    before = revisions(f.article)
    body = streamfield(
        [
            ("image", {"image": picture.pk, "caption": "Ảnh"}),
            ("document", {"document": f.own_doc.pk, "title": ""}),
            (
                "paragraph",
                rich_text(f'<p><a linktype="document" id="{f.own_doc.pk}">Kế hoạch</a></p>'),
            ),
        ]
    )

    response = post_edit(client, f, lead_image=picture.pk, body=body)

    assert response.status_code == 302, response.context["form"].errors
    assert revisions(f.article) == before + 1
    draft = ArticlePage.objects.get(pk=f.article.pk).get_latest_revision_as_object()
    assert draft.lead_image_id == picture.pk
    assert [block.block_type for block in draft.body] == ["image", "document", "paragraph"]
    assert f'id="{f.own_doc.pk}"' in draft.body[2].value.source


def test_preview_never_shows_another_unions_files(client, files):
    f = files
    client.force_login(f.editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(f.article.pk,))
    body = streamfield(
        [
            ("image", {"image": f.foreign.pk, "caption": "Hội nghị"}),
            ("document", {"document": f.foreign_doc.pk, "title": ""}),
        ]
    )

    refused = client.post(url, article_form("Xem trước", slug="tin", lead_image=f.foreign.pk))
    assert refused.json()["is_valid"] is False
    refused = client.post(url, article_form("Xem trước", slug="tin", body=body))
    assert refused.json()["is_valid"] is False
    html = client.get(url).content.decode()
    for secret in (SECRET_ALT, "bao-cao-noi-vu", f"/documents/{f.foreign_doc.pk}/"):
        assert not shown(secret, html)

    # The same preview with the union's own picture is shown.
    own = client.post(url, article_form("Xem trước", slug="tin", lead_image=f.own.pk))
    assert own.json()["is_valid"] is True
    assert "Đoàn viên Bộ Tư pháp nhận quà" in client.get(url).content.decode()


def test_the_central_department_cannot_use_a_unions_private_image(client, files):
    f = files
    centre = member(f.n.central.approvers_group, "duyet-tw")
    article = ArticlePageFactory(parent=f.n.columns["trung-uong"], title="Tin trung tâm")
    client.force_login(centre)

    refused = client.post(
        edit_url(article), article_form("Tin trung tâm", slug="tin-tw", lead_image=f.own.pk)
    )
    assert refused.status_code == 200
    assert REFUSED in refused.content.decode()

    accepted = client.post(
        edit_url(article), article_form("Tin trung tâm", slug="tin-tw", lead_image=f.shared.pk)
    )
    assert accepted.status_code == 302


def test_a_superuser_may_use_any_collection(client, files):
    f = files
    admin = get_user_model().objects.create_superuser("admin", "a@example.vn", "x")
    client.force_login(admin)
    response = client.post(
        edit_url(f.article), article_form("Tin Tư pháp", slug="tin", lead_image=f.foreign.pk)
    )
    assert response.status_code == 302


def test_site_logo_only_from_the_unions_own_or_shared_collection(client, files):
    f = files
    approver = member(f.n.a.approvers_group, "duyet-a")
    client.force_login(approver)
    url = f"/admin/settings/sites/sitebranding/{f.n.a.site.pk}/"
    data = {"primary_colour": "#123456", "tagline": "Khẩu hiệu mới"}

    refused = client.post(url, {**data, "logo": f.foreign.pk})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Ảnh này " + REFUSED in html
    assert not shown(SECRET_TITLE, html)
    branding = SiteBranding.objects.get(site=f.n.a.site)
    assert branding.logo_id != f.foreign.pk
    assert branding.tagline != "Khẩu hiệu mới"

    client.post(url, {**data, "logo": f.own.pk})
    branding.refresh_from_db()
    assert branding.logo_id == f.own.pk
    assert branding.tagline == "Khẩu hiệu mới"


def test_report_documents_of_another_union_are_still_refused(client, files):
    from reports.models import CampaignReport
    from tests.reports.conftest import full_values, make_template

    f = files
    make_template(f.n.campaign)
    approver = member(f.n.a.approvers_group, "duyet-a")
    client.force_login(approver)
    url = reverse("campaign_reports:report", args=[f.n.campaign.pk, f.n.a.pk])
    data = {f"fig_{k}": v for k, v in full_values().items()}
    data.update(narrative="Thăm hỏi.", proposals="", action="save")

    refused = client.post(url, {**data, "documents": [f.foreign_doc.pk]})
    assert refused.status_code == 200
    assert "Báo cáo mật Nội vụ" not in refused.content.decode()
    assert not CampaignReport.objects.exists()

    client.post(url, {**data, "documents": [f.own_doc.pk]})
    assert list(CampaignReport.objects.get().documents.all()) == [f.own_doc]
