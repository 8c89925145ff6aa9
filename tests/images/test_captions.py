"""Pictures as in a newspaper: caption and credit stored once with the image, shown under the
lead image and in the body, overridable per use; galleries open large pictures with our own
script (the link opens the large picture without it)."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from blog.factories import ArticlePageFactory
from tests.conftest import host

pytestmark = pytest.mark.django_db


def page_html(client, network, page):
    return client.get(page.url, HTTP_HOST=host(network.a)).content.decode()


def lead_figure(html):
    lead = html[html.index('class="article__lead-image"') :]
    return lead[: lead.index("</figure>")]


@pytest.fixture
def photo(network):
    return ImageFactory(
        title="Trao quà",
        description="Chủ tịch công đoàn trao quà cho đoàn viên",
        caption="Trao quà Tết cho đoàn viên khó khăn",
        credit="Nguyễn Văn An",
        collection=network.a.collection,
    )


def test_the_lead_image_shows_the_caption_and_credit_stored_with_it(client, network, photo):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], lead_image=photo)
    article.save_revision().publish()
    figure = lead_figure(page_html(client, network, article))
    assert "<figcaption>" in figure
    assert "Trao quà Tết cho đoàn viên khó khăn" in figure
    assert "Ảnh: Nguyễn Văn An" in figure


def test_an_article_can_give_its_own_caption_and_credit(client, network, photo):
    article = ArticlePageFactory(
        parent=network.columns["tu-phap"],
        lead_image=photo,
        lead_image_caption="Đoàn viên nhận quà tại hội trường",
        lead_image_credit="Trần Thị Bình",
    )
    article.save_revision().publish()
    figure = lead_figure(page_html(client, network, article))
    assert "Đoàn viên nhận quà tại hội trường" in figure and "Ảnh: Trần Thị Bình" in figure
    assert "Nguyễn Văn An" not in figure
    # The image itself is unchanged: another article still shows the stored ones.
    other = ArticlePageFactory(parent=network.columns["tu-phap"], lead_image=photo)
    other.save_revision().publish()
    assert "Ảnh: Nguyễn Văn An" in lead_figure(page_html(client, network, other))


def test_a_picture_without_caption_or_credit_has_no_empty_caption(client, network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"])
    article.save_revision().publish()
    assert "<figcaption>" not in lead_figure(page_html(client, network, article))


def test_body_pictures_and_galleries_fall_back_to_the_stored_caption(client, network, photo):
    second = ImageFactory(description="Gói bánh chưng", collection=network.a.collection)
    article = ArticlePageFactory(
        parent=network.columns["tu-phap"],
        body=[
            ("image", {"image": photo, "caption": "", "credit": ""}),
            (
                "gallery",
                {
                    "title": "Hình ảnh",
                    "images": [
                        {"image": photo, "caption": "", "credit": ""},
                        {"image": second, "caption": "Gói bánh chưng", "credit": "Lê Văn C"},
                    ],
                },
            ),
        ],
    )
    article.save_revision().publish()
    html = page_html(client, network, article)
    body = html[html.index('class="article__body') :]
    assert body.count("Ảnh: Nguyễn Văn An") == 2  # the picture, and its copy in the gallery
    assert "Gói bánh chưng" in body and "Ảnh: Lê Văn C" in body
    gallery = body[body.index("data-gallery") :]
    # Each gallery picture links to a large rendition, opened by our own script.
    large = re.findall(r'class="gallery__open" href="([^"]+)"', gallery)
    assert len(large) == 2 and all("max-1600x1200" in url for url in large)
    assert client.get(large[0], HTTP_HOST=host(network.a)).status_code == 200
    assert "/static/js/gallery.js" in html
    assert not re.search(r'<script[^>]+src="https?://', html)  # no third-party script


def test_editors_set_caption_and_credit_in_the_image_form(client, network, photo):
    editor = get_user_model().objects.create_user("anh", password="x")
    editor.groups.add(network.a.editors_group)
    client.force_login(editor)
    url = reverse("wagtailimages:edit", args=(photo.pk,))
    form = client.get(url).content.decode()
    assert 'name="caption"' in form and 'name="credit"' in form
    response = client.post(
        url,
        {
            "title": "Trao quà",
            "description": "Chủ tịch công đoàn trao quà cho đoàn viên",
            "caption": "Chú thích mới",
            "credit": "Phạm D",
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.caption, photo.credit) == ("Chú thích mới", "Phạm D")


def test_the_upgrade_moves_wagtails_images_to_the_network_model_keeping_ids(network):
    """images/migrations/0002: every picture of Wagtail's own model, its renditions and tags
    move to images.CustomImage under the same id."""
    migration = importlib.import_module("images.migrations.0002_copy_wagtail_images")
    CustomImage = get_image_model()
    CustomImage.objects.all().delete()
    old = WagtailImage.objects.create(
        title="Ảnh cũ", description="Ảnh từ trước", file=get_test_image_file()
    )
    old.tags.add("tết")
    old.get_rendition("width-100")

    migration.copy_images(apps, SimpleNamespace(connection=connection))

    moved = CustomImage.objects.get(pk=old.pk)
    assert (moved.title, moved.description, moved.file.name) == (
        "Ảnh cũ",
        "Ảnh từ trước",
        old.file.name,
    )
    assert [t.name for t in moved.tags.all()] == ["tết"]
    assert moved.renditions.filter(filter_spec="width-100").exists()
    # New pictures get fresh ids after the copied ones (the sequence was moved on).
    assert (
        CustomImage.objects.create(
            title="Ảnh mới", description="Mới", file=get_test_image_file()
        ).pk
        > old.pk
    )
