"""The union directory on the central site: every active union, its logo, link and activity."""

import datetime as dt

import pytest
import wagtail_factories
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnPageFactory
from home.models import CentralHomePage, DirectoryPage
from tests.conftest import host

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(network):
    page = DirectoryPage(title="Các công đoàn thành viên", slug="cac-cong-doan", intro="Danh bạ.")
    network.central.home_page.add_child(instance=page)
    return page


def get(client, union, page):
    response = client.get(page.get_url_parts()[2], HTTP_HOST=host(union))
    assert response.status_code == 200
    return response


def test_directory_lists_active_unions_with_logo_link_and_latest_article(
    client, network, directory
):
    columns = network.columns
    ArticlePageFactory(parent=columns["tu-phap"], title="Cũ", date=dt.date(2024, 1, 5))
    ArticlePageFactory(parent=columns["tu-phap"], title="Mới", date=dt.date(2024, 2, 3))
    # Not counted: a draft, a private article, and an article under an unpublished column.
    ArticlePageFactory(parent=columns["tu-phap"], date=dt.date(2024, 2, 20), live=False)
    private = ArticlePageFactory(parent=columns["tu-phap"], date=dt.date(2024, 2, 21))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_column = ColumnPageFactory(parent=network.a.home_page, column=network.column)
    ArticlePageFactory(parent=hidden_column, date=dt.date(2024, 2, 22))
    hidden_column.unpublish()
    # The central union's own articles do not make it a directory entry.
    ArticlePageFactory(parent=columns["trung-uong"], date=dt.date(2024, 2, 25))

    branding = network.a.site.sitebranding
    branding.logo = wagtail_factories.ImageFactory(title="Logo Tư pháp")
    branding.save()

    response = get(client, network.central, directory)
    html = response.text

    entries = {e.union.name: e for e in response.context["entries"]}
    assert list(entries) == [network.b.name, network.a.name]  # by name, central left out
    assert entries[network.a.name].latest_date == dt.date(2024, 2, 3)
    assert entries[network.a.name].article_count == 2
    assert entries[network.b.name].latest_date is None
    assert entries[network.b.name].article_count == 0
    assert "03/02/2024" in html and "2 bài viết" in html
    assert "Chưa có bài viết" in html  # Nội vụ
    assert f'href="http://{host(network.a)}/"' in html
    assert f'href="http://{host(network.b)}/"' in html
    assert 'class="union-directory__logo"' in html
    assert '<nav class="breadcrumb" aria-label="Đường dẫn">' in html


def test_an_inactive_union_is_not_in_the_directory(client, network, directory):
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Tin của Nội vụ")
    network.b.is_active = False
    network.b.save()
    response = get(client, network.central, directory)
    assert [e.union.name for e in response.context["entries"]] == [network.a.name]
    assert network.b.name not in response.text
    assert host(network.b) not in response.text


def test_central_home_links_to_the_directory(client, network, directory):
    html = client.get("/", HTTP_HOST=host(network.central)).text
    assert f'href="{directory.get_url_parts()[2]}"' in html
    assert "Xem danh bạ các công đoàn" in html


def test_directory_only_under_the_central_home_and_once(network, directory):
    assert DirectoryPage.allowed_parent_page_models() == [CentralHomePage]
    assert not DirectoryPage.can_create_at(network.a.home_page.specific)
    assert not DirectoryPage.can_create_at(network.columns["trung-uong"])
    # One directory per central home page, not a global limit.
    assert not DirectoryPage.can_create_at(network.central.home_page.specific)
    assert DirectoryPage.max_count is None
