"""Every public page type runs a fixed, small number of SQL queries, whatever the size of the
network (sites, articles, tags, images): measured at two sizes, uncached (second request,
so Wagtail's site root paths and the listing renditions exist already).

Run with `-s` to see the counts; QUERY_SQL=1 prints the SQL of the large network.
"""

import os

import pytest
import wagtail_factories
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
from campaigns.models import CampaignMaterial
from centre.factories import CentralUnionFactory, UnionFactory
from sites.models import SiteBranding
from tests.campaigns.conftest import central_image, make_hub

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_db")]

LISTING_TARGET = 12
ARTICLE_TARGET = 10


class Network:
    """A network that can grow: measure it small, grow it, measure it again."""

    def __init__(self):
        self.campaign = CampaignFactory()
        self.column = ColumnFactory()
        self.second_column = ColumnFactory()
        self.central = CentralUnionFactory()
        self.hub = NewsHubPageFactory(parent=self.central.home_page)
        self.campaign_hub = make_hub(self.central.home_page, self.campaign)
        for kind in ("poster", "banner"):
            CampaignMaterial.objects.create(
                page=self.campaign_hub, kind=kind, title=kind, image=central_image(self.central)
            )
        self.columns = {}
        self.second_columns = {}
        self.add_union(self.central)

    def add_union(self, union):
        self.columns[union] = ColumnPageFactory(
            parent=union.home_page, column=self.column, campaign=self.campaign
        )
        self.second_columns[union] = ColumnPageFactory(
            parent=union.home_page, column=self.second_column, campaign=self.campaign
        )

    def grow(self, sites, per_site, tags=()):
        while len(self.columns) < sites:
            self.add_union(UnionFactory())
        for column_page in self.columns.values():
            for n in range(per_site - column_page.get_children_count()):
                article = ArticlePageFactory(
                    parent=column_page, title=f"Tết sum vầy bài {n}", intro="Tết sum vầy"
                )
                if tags:
                    article.tags.add(*tags)
                    article.save_revision().publish()
        for page in self.second_columns.values():
            for _ in range(2 - page.get_children_count()):
                ArticlePageFactory(parent=page)
        for branding in SiteBranding.objects.filter(logo__isnull=True):
            branding.logo = wagtail_factories.ImageFactory()
            branding.save()

    def targets(self):
        central, union = self.central, list(self.columns)[1]
        article = self.columns[union].get_children().live().specific().last()
        hub = self.hub.get_url_parts()[2]
        return {
            "central home": (central, "/", LISTING_TARGET),
            "news hub": (central, hub, LISTING_TARGET),
            "news hub, page 50": (central, f"{hub}?page=50", LISTING_TARGET),
            "news hub, all filters": (
                central,
                f"{hub}?union={union.slug}&campaign={self.campaign.slug}"
                f"&column={self.column.slug}&kind=news&from=2024-01-01&to=2099-12-31",
                LISTING_TARGET,
            ),
            "union home": (union, "/", LISTING_TARGET),
            "column": (union, self.columns[union].get_url_parts()[2], LISTING_TARGET),
            "article": (union, article.get_url_parts()[2], ARTICLE_TARGET),
            "campaign hub": (central, self.campaign_hub.get_url_parts()[2], LISTING_TARGET),
            "network search": (central, reverse("search") + "?q=sum+vay+bai", LISTING_TARGET),
            "network feed": (central, reverse("feeds:network_rss"), LISTING_TARGET),
        }


def measure(client, union, url):
    hostname = union.site.hostname
    client.get(url, HTTP_HOST=hostname)  # warm up: Wagtail's site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=hostname)
    assert response.status_code == 200, url
    return len(queries), [q["sql"] for q in queries], response


@pytest.fixture
def uncached(settings):
    # Measure the pages themselves, not the page cache in front of them.
    settings.PAGE_CACHE_ENABLED = False


def test_every_public_page_type_runs_a_constant_small_number_of_queries(client, uncached):
    network = Network()
    network.grow(sites=2, per_site=3, tags=["Tết Sum vầy"])
    targets = network.targets()
    small = {name: measure(client, *target[:2]) for name, target in targets.items()}
    network.grow(sites=8, per_site=45, tags=["Tết Sum vầy", "chợ tết", "Xuân"])
    targets = network.targets()
    large = {name: measure(client, *target[:2]) for name, target in targets.items()}

    for name, (count, sql, _response) in large.items():
        print(
            f"{name}: {small[name][0]} queries with 2 sites x 3 articles, "
            f"{count} with 8 sites x 45 articles (target <= {targets[name][2]})"
        )
        if os.environ.get("QUERY_SQL"):
            print("\n".join(f"    {s[:300]}" for s in sql))
    failures = [
        name
        for name in large
        if small[name][0] != large[name][0] or large[name][0] > targets[name][2]
    ]
    assert not failures, failures

    # The pages show what they should (so a low count is not an empty page).
    assert len(large["news hub"][2].context["cards"]) == 20
    page_50 = large["news hub, page 50"][2].context["articles"]
    assert page_50.number == page_50.paginator.num_pages < 50  # clamped to the last page
    assert large["news hub, page 50"][2].context["cards"]
    assert len(large["article"][2].context["related"]) == 4
