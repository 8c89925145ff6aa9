"""Feed discovery: pages announce their feeds in <head>, so browsers and readers find them."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from blog.factories import ArticlePageFactory
from tests.conftest import host

pytestmark = pytest.mark.django_db


class AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.links.append((attrs["type"], attrs["title"], attrs["href"]))


def feed_links(client, url, hostname):
    response = client.get(url, HTTP_HOST=hostname)
    assert response.status_code == 200
    parser = AlternateLinks()
    parser.feed(response.text)
    return parser.links


def paths(links):
    return [(urlsplit(href).hostname, urlsplit(href).path) for _type, _title, href in links]


def assert_feeds_work(client, links):
    for mime_type, title, href in links:
        assert mime_type in ("application/rss+xml", "application/atom+xml")
        assert title
        parts = urlsplit(href)
        response = client.get(f"{parts.path}?{parts.query}", HTTP_HOST=parts.hostname)
        assert response.status_code == 200, href
        assert not feedparser.parse(response.content).bozo


def page_path(page, union):
    return page.url_path.removeprefix(union.home_page.url_path).join(["/", ""])


def test_union_home_announces_the_union_feed(client, network):
    links = feed_links(client, "/", host(network.a))
    assert paths(links) == [
        (host(network.a), "/feeds/rss.xml"),
        (host(network.a), "/feeds/atom.xml"),
    ]
    assert all(network.a.name in title for _type, title, _href in links)
    assert_feeds_work(client, links)


def test_central_home_announces_its_feed_and_the_network_feed(client, network):
    links = feed_links(client, "/", host(network.central))
    central = host(network.central)
    assert paths(links) == [
        (central, "/feeds/rss.xml"),
        (central, "/feeds/atom.xml"),
        (central, "/feeds/toan-mang/rss.xml"),
        (central, "/feeds/toan-mang/atom.xml"),
    ]
    assert_feeds_work(client, links)


def test_column_page_announces_its_column_feed_and_the_site_feed(client, network):
    column = network.columns["noi-vu"]
    links = feed_links(client, page_path(column, network.b), host(network.b))
    slug = network.column.slug
    assert paths(links) == [
        (host(network.b), f"/feeds/chuyen-muc/{slug}/rss.xml"),
        (host(network.b), f"/feeds/chuyen-muc/{slug}/atom.xml"),
        (host(network.b), "/feeds/rss.xml"),
        (host(network.b), "/feeds/atom.xml"),
    ]
    assert network.column.name in links[0][1]
    assert_feeds_work(client, links)


def test_article_announces_the_site_feed_and_its_column_feed(client, network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"])
    links = feed_links(client, page_path(article, network.a), host(network.a))
    slug = network.column.slug
    assert paths(links) == [
        (host(network.a), "/feeds/rss.xml"),
        (host(network.a), "/feeds/atom.xml"),
        (host(network.a), f"/feeds/chuyen-muc/{slug}/rss.xml"),
        (host(network.a), f"/feeds/chuyen-muc/{slug}/atom.xml"),
    ]
    assert_feeds_work(client, links)


def test_news_hub_announces_the_network_feed_with_its_valid_filters(client, network):
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Tư pháp")
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Nội vụ")
    hub_url = page_path(network.hub, network.central)
    url = f"{hub_url}?union={network.a.slug}&campaign=khong-co&from=2024-01-01&page=2"

    links = feed_links(client, url, host(network.central))

    assert [urlsplit(href).path for _t, _ti, href in links] == [
        "/feeds/toan-mang/rss.xml",
        "/feeds/toan-mang/atom.xml",
    ]
    query = parse_qs(urlsplit(links[0][2]).query)
    assert query == {"union": [network.a.slug], "from": ["2024-01-01"]}
    assert_feeds_work(client, links)
    parts = urlsplit(links[0][2])
    feed = feedparser.parse(
        client.get(f"{parts.path}?{parts.query}", HTTP_HOST=parts.hostname).content
    )
    assert [entry.title for entry in feed.entries] == ["Tư pháp"]
