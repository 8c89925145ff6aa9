"""What is never cached or served from the cache; keys, headers and the frontend cache."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from blog.factories import ArticlePageFactory
from pagecache.middleware import PageCacheMiddleware

pytestmark = pytest.mark.django_db


def test_a_cached_public_page_has_cdn_headers(network, reader):
    first = reader.get(network.a.home_page, network.a)
    assert first["X-Cache"] == "MISS"
    second = reader.get(network.a.home_page, network.a)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    directives = {d.strip() for d in second["Cache-Control"].split(",")}
    assert "public" in directives
    assert any(d.startswith("max-age=") for d in directives)
    assert any(d.startswith("s-maxage=") for d in directives)
    assert reader.client.head(
        network.a.home_page.get_url_parts()[2], HTTP_HOST=network.a.site.hostname
    )["X-Cache"] == ("HIT")


def test_a_logged_in_view_is_never_cached_nor_served_from_cache(network, reader, client):
    page = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài cho bạn đọc")
    reader.warm(page, network.a)
    user = get_user_model().objects.create_superuser("quantri-test", "qt@example.vn", "x")
    client.force_login(user)
    for _ in range(2):
        response = reader.get(page, network.a)
        assert response["X-Cache"] == "BYPASS"
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    client.logout()
    # What the logged-in user saw was not stored: the anonymous copy is the one served.
    assert reader.get(page, network.a)["X-Cache"] == "HIT"


def test_a_logged_in_view_does_not_fill_the_cache(network, reader, client):
    user = get_user_model().objects.create_superuser("quantri-test", "qt@example.vn", "x")
    client.force_login(user)
    reader.get(network.b.home_page, network.b)
    client.logout()
    client.cookies.clear()
    assert reader.get(network.b.home_page, network.b)["X-Cache"] == "MISS"


def test_a_session_cookie_bypasses_the_cache(network, reader, client):
    reader.warm(network.a.home_page, network.a)
    client.cookies["sessionid"] = "khong-hop-le"
    assert reader.get(network.a.home_page, network.a)["X-Cache"] == "BYPASS"


def test_a_csrf_cookie_alone_still_gets_the_cached_page(network, reader, client):
    reader.warm(network.a.home_page, network.a)
    client.cookies["csrftoken"] = "x" * 32
    assert reader.get(network.a.home_page, network.a)["X-Cache"] == "HIT"


def test_a_preview_is_never_cached_nor_served_from_cache(network, reader):
    page = ArticlePageFactory(parent=network.columns["tu-phap"], title="Tiêu đề đang đăng")
    assert "Tiêu đề đang đăng" in reader.warm(page, network.a).content.decode()
    page.title = "Tiêu đề xem trước"
    page.save_revision()
    draft = page.get_latest_revision_as_object()

    preview = draft.make_preview_request()  # through the whole middleware stack
    assert "Tiêu đề xem trước" in preview.content.decode()
    assert preview["X-Cache"] == "BYPASS"
    assert "private" in preview["Cache-Control"]

    for _ in range(2):
        html = reader.get(page, network.a).content.decode()
        assert "Tiêu đề đang đăng" in html and "Tiêu đề xem trước" not in html

    # A "preview" parameter on a public address is not a cached variant either.
    response = reader.get(page.get_url_parts()[2] + "?preview=1", network.a)
    assert response["X-Cache"] == "BYPASS"


def test_a_private_page_is_never_cached(network, reader):
    from wagtail.models import PageViewRestriction

    page = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài có mật khẩu")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat-123"
    )
    for _ in range(3):
        response = reader.get(page, network.a)
        assert response["X-Cache"] == "BYPASS"
        assert "private" in response["Cache-Control"]
        assert "bi-mat-123" not in response.content.decode()


@pytest.mark.parametrize("query", ["utm_source=facebook", "fbclid=abc", "page=1&x=1", "preview"])
def test_other_query_parameters_bypass_the_cache(network, reader, query):
    url = network.hub.get_url_parts()[2] + "?" + query
    for _ in range(2):
        response = reader.get(url, network.central)
        assert response.status_code == 200
        assert response["X-Cache"] == "BYPASS"


def test_listing_filters_are_part_of_the_key(network, reader):
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin riêng Tư pháp")
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Tin riêng Nội vụ")
    hub = network.hub.get_url_parts()[2]
    a = reader.warm(hub + "?union=tu-phap&kind=", network.central).content.decode()
    b = reader.warm(hub + "?union=noi-vu", network.central).content.decode()
    assert "Tin riêng Tư pháp" in a and "Tin riêng Nội vụ" not in a
    assert "Tin riêng Nội vụ" in b and "Tin riêng Tư pháp" not in b
    # The same filters in another order are the same entry.
    assert reader.get(hub + "?kind=&union=tu-phap", network.central)["X-Cache"] == "HIT"
    # A page the listing does not have is answered (with its last page) but not stored.
    response = reader.get(hub + "?union=tu-phap&page=2", network.central)
    assert (response.status_code, response["X-Cache"]) == (200, "BYPASS")


def test_the_host_is_part_of_the_key(network, reader):
    a = reader.warm("/", network.a).content.decode()
    b = reader.get("/", network.b)
    assert b["X-Cache"] == "MISS"
    assert network.a.name in a and network.b.name in b.content.decode()
    assert network.a.name not in b.content.decode().split("<main")[0]


def test_the_language_is_part_of_the_key():
    factory = RequestFactory()
    vi = PageCacheMiddleware._key_parts(factory.get("/tim-kiem/"))
    en = PageCacheMiddleware._key_parts(factory.get("/en/tim-kiem/"))
    assert "vi" in vi and "en" in en and vi != en


def test_errors_are_not_cached(network, reader):
    for _ in range(2):
        response = reader.get("/khong-co-trang-nay/", network.a)
        assert response.status_code == 404
        assert response["X-Cache"] == "BYPASS"


def test_admin_is_left_alone(network, reader):
    response = reader.get("/admin/login/", network.central)
    assert "X-Cache" not in response


def test_disabled_page_cache_changes_nothing(network, client):
    with override_settings(PAGE_CACHE_ENABLED=False):
        from django.test import Client

        response = Client().get("/", HTTP_HOST=network.a.site.hostname)
    assert "X-Cache" not in response


purged = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        purged.append(url)

    def purge_batch(self, urls):
        purged.extend(urls)


@override_settings(
    WAGTAILFRONTENDCACHE={"test": {"BACKEND": "tests.pagecache.test_rules.RecordingBackend"}}
)
def test_the_frontend_cache_is_purged_on_the_same_events(
    network, django_capture_on_commit_callbacks
):
    purged.clear()
    hub = network.hub.get_full_url()
    with django_capture_on_commit_callbacks(execute=True):
        page = ArticlePageFactory(parent=network.columns["tu-phap"], live=False)
        page.save_revision().publish()
    assert page.get_full_url() in purged
    assert network.a.site.root_url + "/" in purged
    assert network.a.site.root_url + "/feeds/rss.xml" in purged
    assert hub in purged
    assert network.central.site.root_url + "/feeds/toan-mang/rss.xml" in purged
    assert not any(network.b.site.hostname in url for url in purged)


@pytest.mark.parametrize("path", ["/feeds/rss.xml", "/sitemap.xml", "/robots.txt"])
def test_a_hit_has_the_same_headers_as_the_rendered_answer(network, reader, path):
    first = reader.get(path, network.a)
    second = reader.get(path, network.a)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert second["X-Request-ID"] != first["X-Request-ID"]  # each request its own id
    for header, value in first.items():
        if header not in ("X-Cache", "Date", "X-Request-ID"):
            assert second[header] == value, header


def test_a_hit_costs_one_round_trip_to_the_cache(network, reader, monkeypatch):
    from django.test import Client

    from pagecache import cache as store
    from tests.pagecache.conftest import Reader

    reader.warm(network.a.home_page, network.a)
    calls = []
    real = store.cache

    class Counting:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(store, "cache", Counting())
    assert reader.get(network.a.home_page, network.a)["X-Cache"] == "HIT"
    assert calls == ["get_many"]

    # Another process (its own middleware and memory) learns the site's counters from its
    # first hit, which reads the page from the shared cache; then it has the page too.
    other = Reader(Client())
    store.local_entries.clear()
    calls.clear()
    assert other.get(network.a.home_page, network.a)["X-Cache"] == "HIT"
    assert other.get(network.a.home_page, network.a)["X-Cache"] == "HIT"
    assert calls == ["get_many", "get_many", "get_many"]


def test_a_page_held_in_memory_is_checked_against_the_shared_counters(network, reader):
    from pagecache import cache as store

    page = ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin trong bộ nhớ")
    reader.warm(page, network.a)
    key = next(iter(store.local_entries.entries))
    assert store.local_entries.get(key) is not None

    # Another process publishes: only the shared counters change, and this process sees it.
    page.title = "Tin đã sửa ở tiến trình khác"
    page.save_revision().publish()

    response = reader.get(page, network.a)
    assert response["X-Cache"] == "MISS"
    assert "Tin đã sửa ở tiến trình khác" in response.content.decode()


@override_settings(PAGE_CACHE_LOCAL_BYTES=10)
def test_pages_bigger_than_the_memory_budget_stay_in_the_shared_cache_only(network, reader):
    from pagecache import cache as store

    store.local_entries.clear()
    reader.warm(network.a.home_page, network.a)
    assert not store.local_entries.entries


def test_an_evicted_counter_makes_its_entries_stale(network, reader):
    from django.core.cache import cache

    from pagecache import cache as store

    reader.warm(network.a.home_page, network.a)
    cache.delete(store._key(store.site_counter(network.a.site.pk)))

    assert reader.get(network.a.home_page, network.a)["X-Cache"] == "MISS"
    assert reader.get(network.a.home_page, network.a)["X-Cache"] == "HIT"
