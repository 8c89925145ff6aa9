import pytest
from django.test import override_settings

from tests.conftest import host


class Reader:
    """An anonymous reader: GETs through the whole middleware stack, on a site's host."""

    def __init__(self, client):
        self.client = client

    def get(self, target, site_union, **extra):
        url = target if isinstance(target, str) else target.get_url_parts()[2]
        return self.client.get(url, HTTP_HOST=host(site_union), **extra)

    def warm(self, target, site_union, **extra):
        """Request twice; the second answer must come from the cache."""
        self.get(target, site_union, **extra)
        response = self.get(target, site_union, **extra)
        assert response["X-Cache"] == "HIT", response.get("X-Cache")
        return response


@pytest.fixture
def reader(client):
    return Reader(client)


@pytest.fixture(autouse=True)
def _page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
