import pytest
from django.urls import reverse

from blog.factories import ArticlePageFactory, ColumnPageFactory
from blog.models import ArticlePage
from tests.forms import article_form

pytestmark = pytest.mark.django_db


def test_pages_created_in_code_get_folded_slugs(network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Công đoàn Viên chức")
    assert article.slug == "cong-doan-vien-chuc"
    column = ColumnPageFactory(
        parent=network.a.home_page, title="Tết Sum vầy", column=network.column
    )
    assert column.slug == "tet-sum-vay"
    again = ArticlePageFactory(parent=network.columns["tu-phap"], title="Công đoàn Viên chức")
    assert again.slug == "cong-doan-vien-chuc-2"


def test_unicode_slug_given_in_code_is_folded(network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="x", slug="đoàn-viên")
    assert article.slug == "doan-vien"


@pytest.mark.parametrize("typed_slug", ["công-đoàn-tết-sum-vầy", ""])
def test_pages_created_in_the_admin_get_folded_slugs(admin_client, network, typed_slug):
    column = network.columns["tu-phap"]
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk))
    data = article_form("Công đoàn Tết Sum vầy", slug=typed_slug)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = ArticlePage.objects.get(title="Công đoàn Tết Sum vầy")
    assert page.slug == "cong-doan-tet-sum-vay"
    assert page.date.isoformat() == "2024-01-20"  # typed day first, as the admin shows it


@pytest.mark.django_db
def test_tags_get_folded_ascii_slugs_without_clashes():
    from taggit.models import Tag

    assert Tag.objects.create(name="Tết Sum vầy").slug == "tet-sum-vay"
    assert Tag.objects.create(name="Đoàn viên").slug == "doan-vien"
    assert Tag.objects.create(name="đoàn viên").slug == "doan-vien-2"
