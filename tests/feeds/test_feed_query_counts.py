"""Feeds run a constant number of SQL queries, whatever the size of the network."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.test_query_counts import Network

pytestmark = pytest.mark.django_db


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


def count_queries(client, union, url, params):
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
    small = {name: count_queries(client, *t) for name, t in feed_targets(network).items()}
    network.grow(sites=8, per_site=25)
    large = {name: count_queries(client, *t) for name, t in feed_targets(network).items()}
    for name in small:
        print(
            f"{name}: {small[name][0]} queries with 2 sites x 2 articles, "
            f"{large[name][0]} with 8 sites x 25 articles"
        )
        assert small[name][0] == large[name][0], name
    assert small["network feed"][1] == 4
    assert large["network feed"][1] == 20
    assert large["site feed"][1] == 20
