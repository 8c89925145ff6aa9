"""Where a request is, worked out once: Wagtail's site lookup runs once per request whatever
the page (page cache on or off), and pages read it from the request."""

from unittest import mock

import pytest
from django.urls import reverse
from wagtail.models import Site

from tests.conftest import host


@pytest.fixture
def lookups():
    with mock.patch.object(Site, "_find_for_request", wraps=Site._find_for_request) as spy:
        yield spy


@pytest.mark.django_db
@pytest.mark.parametrize("cache_on", [True, False])
def test_the_site_is_looked_up_once_per_request(
    client, network, article_factory, settings, lookups, cache_on
):
    settings.PAGE_CACHE_ENABLED = cache_on
    article = article_factory(parent=network.columns["tu-phap"], title="Bài của Tư pháp")

    def path(page):
        return page.get_url_parts()[2]

    paths = [
        ("/", network.a, 200),
        (path(network.columns["tu-phap"]), network.a, 200),
        (path(article), network.a, 200),
        (reverse("search") + "?q=bai", network.a, 200),
        (reverse("feeds:site_rss"), network.a, 200),
        ("/", network.central, 200),
        (path(network.hub), network.central, 200),
        ("/khong-co-trang-nay/", network.b, 404),
    ]
    for address, union, status in paths:
        for _ in range(2):  # rendered, then (page cache on) answered from the cache
            lookups.reset_mock()
            response = client.get(address, HTTP_HOST=host(union))
            assert response.status_code == status, address
            assert lookups.call_count <= 1, (address, lookups.call_count)
        assert lookups.call_count == (0 if cache_on and status == 200 else 1), address


@pytest.mark.django_db
def test_pages_name_the_site_of_the_host_they_are_served_on(client, network):
    response = client.get("/", HTTP_HOST=host(network.b))
    assert response.wsgi_request.site.pk == network.b.site.pk
    assert f"{network.b.name}</span>" in response.content.decode()
