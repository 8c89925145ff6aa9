"""Responsive pictures (WebP with a JPEG fallback) and alt text that editors cannot skip."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import streamfield
from wagtail_factories import ImageFactory

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from tests.conftest import host
from tests.forms import article_form

pytestmark = pytest.mark.django_db


def png_upload(name="anh.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def editor(network):
    user = get_user_model().objects.create_user("bt", "bt@example.vn", "x")
    user.groups.add(network.a.editors_group)
    return user


def test_cards_are_responsive_webp_pictures_lazy_loaded_with_dimensions(client, network):
    ArticlePageFactory(
        parent=network.columns["tu-phap"],
        lead_image=ImageFactory(description="Ảnh", file__width=1600, file__height=900),
    )

    html = client.get("/", HTTP_HOST=host(network.a)).content.decode()

    card = html[html.index('class="card__media"') :]
    picture = card[card.index("<picture>") : card.index("</picture>")]
    assert 'type="image/webp"' in picture
    assert ".webp 480w" in picture and ".webp 960w" in picture
    assert 'loading="lazy"' in picture
    assert 'width="480"' in picture and 'height="270"' in picture
    assert ".jpg 480w" in picture  # the fallback for browsers without WebP


def test_article_lead_image_is_responsive_and_not_lazy(client, network):
    article = ArticlePageFactory(
        parent=network.columns["tu-phap"],
        lead_image=ImageFactory(description="Trao quà", file__width=1600, file__height=900),
    )

    html = client.get(article.url_path.split("/", 2)[2].join(["/", ""]), HTTP_HOST=host(network.a))
    html = html.content.decode()

    lead = html[html.index('class="article__lead-image"') :]
    lead = lead[: lead.index("</figure>")]
    assert 'type="image/webp"' in lead
    assert "1200w" in lead
    assert 'alt="Trao quà"' in lead
    assert 'loading="lazy"' not in lead
    assert 'width="' in lead and 'height="' in lead


def test_image_upload_without_alt_text_is_refused(client, network, editor):
    client.force_login(editor)
    images = get_image_model().objects
    before = images.count()

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Trao quà", "file": png_upload(), "collection": network.a.collection.pk},
    )

    assert response.status_code == 200
    assert "Hãy nhập mô tả ảnh" in response.content.decode() or "Trường này" in (
        response.content.decode()
    )
    assert response.context["form"].errors["description"]
    assert images.count() == before

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Trao quà",
            "description": "Chủ tịch công đoàn trao quà Tết",
            "file": png_upload(),
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 302
    assert images.filter(description="Chủ tịch công đoàn trao quà Tết").exists()


def test_editing_an_image_cannot_blank_its_alt_text(client, network, editor):
    image = ImageFactory(title="Ảnh", description="Mô tả", collection=network.a.collection)
    client.force_login(editor)

    response = client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {"title": "Ảnh", "description": "   ", "collection": network.a.collection.pk},
    )

    assert response.status_code == 200
    image.refresh_from_db()
    assert image.description == "Mô tả"


def test_an_article_with_an_undescribed_image_cannot_be_saved(client, network, editor):
    bare = ImageFactory(title="Ảnh chưa mô tả", description="", collection=network.a.collection)
    column = network.columns["tu-phap"]
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk))

    with_lead = client.post(add_url, article_form("Bài có ảnh đại diện", lead_image=bare.pk))
    in_body = client.post(
        add_url,
        article_form(
            "Bài có ảnh trong thân bài",
            body=streamfield([("image", {"image": bare.pk, "caption": "Quà Tết"})]),
        ),
    )

    for response, field in ((with_lead, "lead_image"), (in_body, "body")):
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert field in errors
    assert "chưa có mô tả" in with_lead.content.decode()
    block_error = in_body.context["form"].errors["body"].as_data()[0]
    assert "chưa có mô tả" in str(block_error.block_errors[0].block_errors["image"])
    assert not ArticlePage.objects.filter(title__startswith="Bài có ảnh").exists()

    bare.description = "Đoàn viên nhận quà Tết"
    bare.save()
    ok = client.post(add_url, article_form("Bài có ảnh đại diện", lead_image=bare.pk))
    assert ok.status_code == 302
    assert ArticlePage.objects.filter(title="Bài có ảnh đại diện").exists()
