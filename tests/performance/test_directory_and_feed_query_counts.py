"""The union directory and the feeds run a constant number of SQL queries, whatever the
size of the network (the other public page types: test_query_counts.py)."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.factories import (
    ArticlePageFactory,
    CampaignFactory,
    ColumnFactory,
    ColumnPageFactory,
    NewsHubPageFactory,
)
from centre.factories import CentralUnionFactory, UnionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_db")]


@pytest.fixture(autouse=True)
def _uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


class Network:
    """A network that can grow: measure it small, grow it, measure it again."""

    def __init__(self):
        self.campaign = CampaignFactory()
        self.column = ColumnFactory()
        self.central = CentralUnionFactory()
        self.hub = NewsHubPageFactory(parent=self.central.home_page)
        self.columns = {}
        self.add_union(self.central)

    def add_union(self, union):
        self.columns[union] = ColumnPageFactory(
            parent=union.home_page, column=self.column, campaign=self.campaign
        )

    def grow(self, sites, per_site):
        while len(self.columns) < sites:
            self.add_union(UnionFactory())
        for column_page in self.columns.values():
            for _ in range(per_site - column_page.get_children_count()):
                ArticlePageFactory(parent=column_page)


def test_directory_and_article_query_counts_do_not_grow_with_the_network(client):
    """The union directory (logos, latest dates) and an article (breadcrumb, related
    articles, tag links) cost the same with 2 or 8 unions."""
    import wagtail_factories

    from home.models import DirectoryPage
    from sites.models import SiteBranding

    network = Network()
    directory = DirectoryPage(title="Các công đoàn thành viên")
    network.central.home_page.add_child(instance=directory)
    network.grow(sites=3, per_site=2)
    first_union = list(network.columns)[1]
    article = ArticlePageFactory(parent=network.columns[first_union])
    article.tags.add("Tết Sum vầy", "chợ tết")
    article.save()
    targets = {
        "directory": (network.central.site.hostname, directory.get_url_parts()[2]),
        "article": (first_union.site.hostname, article.get_url_parts()[2]),
    }

    def give_logos():
        for branding in SiteBranding.objects.filter(logo__isnull=True):
            branding.logo = wagtail_factories.ImageFactory()
            branding.save()

    def measure():
        counts = {}
        for name, (hostname, path) in targets.items():
            client.get(path, HTTP_HOST=hostname)  # warm up: renditions, site root paths cache
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, HTTP_HOST=hostname)
            assert response.status_code == 200
            counts[name] = len(queries)
        return counts, response

    give_logos()
    small, _ = measure()
    network.grow(sites=9, per_site=10)
    give_logos()
    large, article_response = measure()
    directory_response = client.get(targets["directory"][1], HTTP_HOST=targets["directory"][0])
    print(f"2 unions: {small}; 8 unions: {large}")
    assert small == large
    assert len(directory_response.context["entries"]) == 8
    assert all(entry.logo for entry in directory_response.context["entries"])
    assert len(article_response.context["related"]) == 4


def feed_targets(network):
    central, union = network.central, list(network.columns)[1]
    return {
        "network feed": (central, reverse("feeds:network_rss"), {}),
        "network feed, filtered": (
            central,
            reverse("feeds:network_atom"),
            {"union": union.slug, "campaign": network.campaign.slug, "kind": "news"},
        ),
        "campaign feed, central": (
            central,
            reverse("feeds:campaign_rss", kwargs={"slug": network.campaign.slug}),
            {},
        ),
        "site feed": (union, reverse("feeds:site_rss"), {}),
        "column feed": (
            union,
            reverse("feeds:column_atom", kwargs={"slug": network.column.slug}),
            {},
        ),
    }


def count_feed_queries(client, union, url, params):
    hostname = union.site.hostname
    client.get(url, params, HTTP_HOST=hostname)  # warm up: renditions, site root paths cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params, HTTP_HOST=hostname)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    return len(queries), len(feed.entries)


def test_feed_query_counts_do_not_grow_with_the_network(client):
    network = Network()
    network.grow(sites=2, per_site=2)
    small = {name: count_feed_queries(client, *t) for name, t in feed_targets(network).items()}
    network.grow(sites=8, per_site=25)
    large = {name: count_feed_queries(client, *t) for name, t in feed_targets(network).items()}
    for name in small:
        print(
            f"{name}: {small[name][0]} queries with 2 sites x 2 articles, "
            f"{large[name][0]} with 8 sites x 25 articles"
        )
        assert small[name][0] == large[name][0], name
    assert small["network feed"][1] == 4
    assert large["network feed"][1] == 20
    assert large["site feed"][1] == 20
