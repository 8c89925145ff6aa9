"""Where a request is, worked out once: a site's own address is found in the network snapshot
(no query), any other by Wagtail's lookup, once per request; pages read it from the request."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from centre.services import update_union
from pagecache import snapshot
from tests.conftest import host


@pytest.fixture
def lookups():
    with mock.patch.object(Site, "_find_for_request", wraps=Site._find_for_request) as spy:
        yield spy


def site_queries(queries):
    return [q["sql"] for q in queries if '"wagtailcore_site"' in q["sql"]]


@pytest.mark.django_db
@pytest.mark.parametrize("cache_on", [True, False])
def test_a_sites_own_address_is_answered_without_wagtails_site_query(
    client, network, article_factory, settings, lookups, cache_on
):
    """The network snapshot knows every site's hostname and port: pages, the search and the
    feeds of a known address never run Wagtail's site query (sites.network.request_site)."""
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
    client.get("/", HTTP_HOST=host(network.a))  # the snapshot, loaded once
    for address, union, status in paths:
        for _ in range(2):  # rendered, then (page cache on) answered from the cache
            lookups.reset_mock()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(address, HTTP_HOST=host(union))
            assert response.status_code == status, address
            assert lookups.call_count == 0, address
            assert not site_queries(queries), address
            if status == 200 and response.get("X-Cache") != "HIT":  # rendered: whose site
                assert response.wsgi_request.site.pk == union.site.pk, address


@pytest.mark.django_db
def test_other_addresses_are_left_to_wagtail_and_kept_nowhere(client, network, settings, lookups):
    """An address that is no site's own (an unknown host, a port no site has) is answered by
    Wagtail's rules, once per request, and what anonymous requests send grows no cache."""
    settings.PAGE_CACHE_ENABLED = False
    for warm_up in ("la.example.test", "la-nua.example.test"):  # what the central home loads
        client.get("/", HTTP_HOST=warm_up)
    kept, kept_keys = len(snapshot._values), set(snapshot._values)
    for n in range(30):
        lookups.reset_mock()
        response = client.get("/", HTTP_HOST=f"la-{n}.example.test")
        assert response.status_code == 200
        assert response.context["page"].pk == network.central.home_page.pk  # the default site
        assert lookups.call_count == 1
    assert len(snapshot._values) == kept, set(snapshot._values) - kept_keys
    # The hostname of a union on a port no site has: Wagtail picks that union's site.
    lookups.reset_mock()
    response = client.get("/", HTTP_HOST=host(network.a), SERVER_PORT="8443")
    assert response.context["page"].pk == network.a.home_page.pk
    assert lookups.call_count == 1


@pytest.mark.django_db
def test_a_site_moved_to_another_hostname_answers_there_at_once(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    old = host(network.a)
    assert client.get("/", HTTP_HOST=old).context["page"].pk == network.a.home_page.pk
    update_union(
        network.a,
        name=network.a.name,
        short_name=network.a.short_name,
        hostname="tu-phap-moi.localhost",
        port=network.a.site.port,
    )
    response = client.get("/", HTTP_HOST="tu-phap-moi.localhost")
    assert response.context["page"].pk == network.a.home_page.pk
    # The old address is nobody's now: the central site (the default) answers it.
    assert client.get("/", HTTP_HOST=old).context["page"].pk == network.central.home_page.pk


@pytest.mark.django_db
def test_a_published_change_to_the_home_page_shows_at_once(client, network, settings):
    """Routing starts at the home page kept in the snapshot: publishing the home replaces it."""
    settings.PAGE_CACHE_ENABLED = False
    assert "Chào mừng bạn đọc" not in client.get("/", HTTP_HOST=host(network.a)).text
    home = network.a.home_page.specific
    home.intro = "Chào mừng bạn đọc"
    home.save_revision().publish()
    assert "Chào mừng bạn đọc" in client.get("/", HTTP_HOST=host(network.a)).text
    home.unpublish()
    assert client.get("/", HTTP_HOST=host(network.a)).status_code == 404


@pytest.mark.django_db
def test_pages_name_the_site_of_the_host_they_are_served_on(client, network):
    response = client.get("/", HTTP_HOST=host(network.b))
    assert response.wsgi_request.site.pk == network.b.site.pk
    assert f"{network.b.name}</span>" in response.content.decode()
