"""Sitemaps and robots.txt: each host describes only its own site to search engines."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnPageFactory
from centre.factories import UnionFactory
from centre.services import set_union_active
from tests.conftest import host

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def get(client, union, name, **params):
    return client.get(reverse(f"seo:{name}"), params, HTTP_HOST=host(union))


def urlset(response):
    """{location: lastmod} of a <urlset> sitemap."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def sitemap_index(response):
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [s.findtext("sm:loc", namespaces=NS) for s in root.findall("sm:sitemap", NS)]


@pytest.fixture
def article(network):
    def make(union, title, **kwargs):
        return ArticlePageFactory(parent=network.columns[union.slug], title=title, **kwargs)

    return make


def test_union_sitemap_lists_only_its_own_live_public_pages(client, network, article):
    mine = article(network.a, "Tư pháp thăm hỏi")
    theirs = article(network.b, "Nội vụ trao quà")
    draft = article(network.a, "Bản nháp", live=False)
    private = article(network.a, "Bài riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_column = ColumnPageFactory(parent=network.a.home_page, column=network.column)
    under_hidden = ArticlePageFactory(parent=hidden_column, title="Dưới chuyên mục đã gỡ")
    hidden_column.unpublish()
    for page in (mine, theirs, draft, private, under_hidden):
        page.refresh_from_db()

    urls = urlset(get(client, network.a, "sitemap"))

    assert set(urls) == {
        network.a.home_page.get_full_url(),
        network.columns["tu-phap"].get_full_url(),
        mine.get_full_url(),
    }
    assert {urlsplit(u).hostname for u in urls} == {host(network.a)}

    # Publishing through the editor gives the page a last-modified date.
    mine.save_revision().publish()
    mine.refresh_from_db()
    urls = urlset(get(client, network.a, "sitemap"))
    assert urls[mine.get_full_url()] == timezone.localdate(mine.last_published_at).isoformat()


def test_central_sitemap_is_an_index_of_every_active_union(client, network, article):
    dormant = UnionFactory(name="Công đoàn Bộ Ngoại giao", slug="ngoai-giao")
    set_union_active(dormant, False)

    locations = sitemap_index(get(client, network.central, "sitemap"))

    own_pages = network.central.site.root_url + reverse("seo:pages_sitemap")
    assert locations == [
        own_pages,
        network.b.site.root_url + "/sitemap.xml",
        network.a.site.root_url + "/sitemap.xml",
    ]
    assert not any(host(dormant) in location for location in locations)
    # Each listed sitemap really answers on its own host.
    for location in locations:
        parts = urlsplit(location)
        assert client.get(parts.path, HTTP_HOST=parts.hostname).status_code == 200

    set_union_active(dormant, True)
    locations = sitemap_index(get(client, network.central, "sitemap"))
    assert dormant.site.root_url + "/sitemap.xml" in locations


def test_central_pages_sitemap_lists_the_central_site_only(client, network, article):
    central_article = article(network.central, "Trung ương phát động")
    article(network.a, "Tư pháp thăm hỏi")
    private_hub = network.hub
    PageViewRestriction.objects.create(page=private_hub, restriction_type="password", password="x")

    urls = urlset(get(client, network.central, "pages_sitemap"))

    assert set(urls) == {
        network.central.home_page.get_full_url(),
        network.columns["trung-uong"].get_full_url(),
        central_article.get_full_url(),
    }


def test_inactive_union_has_no_sitemap(client, network):
    set_union_active(network.b, False)
    assert get(client, network.b, "sitemap").status_code == 404
    assert "Sitemap:" not in get(client, network.b, "robots_txt").text


def test_sitemap_with_odd_page_numbers_is_404_not_500(client, network):
    for page in ["abc", "999", "-1", "0"]:
        assert get(client, network.a, "sitemap", p=page).status_code == 404


@pytest.mark.parametrize("which", ["central", "a", "b"])
def test_robots_txt_points_at_the_host_s_own_sitemap(client, network, which):
    union = getattr(network, which)
    response = get(client, union, "robots_txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert [line for line in lines if line.startswith("Disallow")] == ["Disallow: /admin/"]
    assert f"Sitemap: http://{host(union)}/sitemap.xml" in lines
