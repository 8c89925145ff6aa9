"""The campaign hub runs the same number of queries with 2 or 8 unions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.factories import ArticlePageFactory, ColumnFactory, ColumnPageFactory
from campaigns.models import CampaignMaterial
from tests.campaigns.conftest import central_image, make_hub
from tests.test_query_counts import Network

pytestmark = pytest.mark.django_db


def test_hub_query_count_does_not_grow_with_the_network(client):
    network = Network()
    second_column = ColumnFactory()
    hub = make_hub(network.central.home_page, network.campaign)
    for kind in ("poster", "banner"):
        CampaignMaterial.objects.create(
            page=hub, kind=kind, title=kind, image=central_image(network.central)
        )

    second_pages = {}

    def grow(sites, per_site):
        """Each site gets `per_site` articles in the first column, 2 in a second one."""
        network.grow(sites=sites, per_site=per_site)
        for union in network.columns:
            if union not in second_pages:
                second_pages[union] = ColumnPageFactory(
                    parent=union.home_page, column=second_column, campaign=network.campaign
                )
        for page in second_pages.values():
            for _ in range(2 - page.get_children_count()):
                ArticlePageFactory(parent=page)

    path = hub.get_url_parts()[2]
    hostname = network.central.site.hostname

    def measure():
        client.get(path, HTTP_HOST=hostname)  # warm up: renditions, site root paths
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=hostname)
        assert response.status_code == 200
        return len(queries), response.context

    grow(sites=3, per_site=2)  # the central site and 2 unions
    small, small_context = measure()
    grow(sites=9, per_site=6)  # the central site and 8 unions
    large, context = measure()
    print(f"campaign hub: {small} queries with 2 unions, {large} with 8 unions")
    assert small == large
    assert len(small_context["participants"]) == 3
    assert len(context["participants"]) == 9
    assert context["unions_taking_part"] == 8
    assert len(context["sections"]) == 2
    assert all(len(section.cards) == 4 for section in context["sections"])
    assert len(context["photos"]) == 8
    assert len(context["materials"]) == 2
