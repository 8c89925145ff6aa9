"""The network keeps serving when Redis fails, and serves nothing stale when it comes back.

Against a real redis-server of the test's own (tests/redis_server.py), stopped and started
again on the same port. Stopped with SHUTDOWN SAVE, it comes back holding what it held
before the outage (entries and counters), the hardest case: what changed during the outage
could not clear it.
"""

import logging
import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from activities.factories import EventPageFactory, PressMentionPageFactory
from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from campaigns.models import CampaignHubPage
from core import cache as shared
from demo.campaigns import ten_year_review
from pagecache import cache as store
from pagecache import models as versions
from tests.forms import article_form
from tests.redis_server import redis_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

RETRY_AFTER = 0.2


@pytest.fixture
def redis_cache(settings, redis_server, monkeypatch):  # noqa: F811
    """The default cache on the test's redis-server, as in production (core.cache.RedisCache);
    this process starts with no memory of any outage nor any page."""
    monkeypatch.setattr(shared, "_health", {})
    monkeypatch.setattr(shared, "RETRY_AFTER", RETRY_AFTER)
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "outage-test",
        },
        "fragments": settings.CACHES["fragments"],
    }
    fresh_process(monkeypatch, settings)
    yield redis_server
    store.local_entries.clear()


def fresh_process(monkeypatch, settings):
    """What a newly started web process knows: nothing (no outage seen, no page held)."""
    monkeypatch.setattr(shared, "_health", {})
    settings.CACHES = dict(settings.CACHES)  # new cache objects, with the new health map
    monkeypatch.setattr(store, "_epoch_checked", False)
    store.local_entries.clear()


def shows(response, text):
    """`text` is in the page, or in what a reader sees of it (search highlights aside)."""
    html = response.content.decode()
    return text in html or text in strip_tags(html)


def made_private_elsewhere(page, site):
    """What another process does to make `page` private: the row (no signal reaches this
    process), then its invalidations: the versions in the database and the page cache's
    counters in the shared cache (lost if the cache cannot be reached)."""
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type=PageViewRestriction.LOGIN)]
    )
    versions.bump("snapshot")
    store.bump(store.NETWORK, store.site_counter(site.pk))


def test_pages_admin_and_publishing_work_while_redis_is_down(
    network, reader, client, redis_cache, caplog
):
    n = network
    column = n.columns["tu-phap"]
    page = ArticlePageFactory(parent=column, title="Chợ Tết Công đoàn khai mạc")
    public = [
        (n.central.home_page, n.central),
        (n.hub, n.central),
        (page, n.a),
        ("/tim-kiem/?q=cho+tet", n.central),
    ]
    for target, site in public:
        reader.warm(target, site)

    redis_cache.stop(keep_data=True)
    caplog.set_level(logging.WARNING, logger="core.cache")
    started = time.monotonic()
    for target, site in public:
        for _ in range(3):
            response = reader.get(target, site)
            assert (response.status_code, response["X-Cache"]) == (200, "BYPASS"), target

    admin = get_user_model().objects.create_superuser("quantri-test", password="x")
    client.force_login(admin)
    for url in ("/admin/", f"/admin/pages/{column.pk}/", f"/admin/pages/{page.pk}/edit/"):
        assert client.get(url).status_code == 200, url
    title = "Tin đăng khi Redis ngừng"
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk)),
        article_form(title, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    assert ArticlePage.objects.get(title=title).live
    client.logout()
    hub = reader.get(n.hub, n.central)
    assert hub["X-Cache"] == "BYPASS" and shows(hub, title)
    # A dead Redis costs no waiting: a refused connection is a miss at once.
    assert time.monotonic() - started < 30

    # Redis is back, on the same port, holding the entries stored before the outage.
    redis_cache.start()
    assert redis_cache.client().dbsize() > 0
    time.sleep(RETRY_AFTER)
    for target, site in ((n.hub, n.central), (n.central.home_page, n.central)):
        response = reader.get(target, site)
        assert response["X-Cache"] == "MISS" and shows(response, title)
        assert reader.get(target, site)["X-Cache"] == "HIT"

    messages = [r.getMessage() for r in caplog.records if r.name == "core.cache"]
    assert len([m for m in messages if "unreachable" in m]) == 1, messages  # not per request
    assert len([m for m in messages if "reachable again" in m]) == 1, messages


@pytest.mark.parametrize("shared_cache", [True, False], ids=["redis", "per-process cache"])
def test_a_page_made_private_in_another_process_is_refused_at_once(
    network, reader, request, settings, shared_cache
):
    if shared_cache:
        request.getfixturevalue("redis_cache")
    else:  # one process's own cache: the page cache cannot be shared, the privacy check is
        settings.PAGE_CACHE_ENABLED = False
    n = network
    page = ArticlePageFactory(parent=n.columns["tu-phap"], title="Bài sẽ thành nội bộ")
    for _ in range(2):  # this process now holds the network snapshot (and the pages)
        assert shows(reader.get(page, n.a), page.title)
        assert shows(reader.get(n.hub, n.central), page.title)

    made_private_elsewhere(page, n.a.site)

    response = reader.get(page, n.a)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not shows(reader.get(n.hub, n.central), page.title)


def test_a_change_made_during_the_outage_by_a_process_that_exited_is_not_served_stale(
    network, reader, redis_cache, settings, monkeypatch
):
    n = network
    page = ArticlePageFactory(parent=n.columns["tu-phap"], title="Bài đổi khi Redis ngừng")
    reader.warm(page, n.a)
    reader.warm(n.hub, n.central)

    redis_cache.stop(keep_data=True)
    # A management command makes the page private; its page cache bump cannot reach Redis.
    made_private_elsewhere(page, n.a.site)
    redis_cache.start()  # holding the entries and counters from before
    assert redis_cache.client().dbsize() > 0

    # A web process started after the outage: it never saw Redis fail.
    fresh_process(monkeypatch, settings)
    response = reader.get(page, n.a)
    assert response.status_code == 302
    assert not shows(reader.get(n.hub, n.central), page.title)


def test_a_running_process_that_saw_no_error_learns_the_loss_from_a_rendered_page(
    network, reader, redis_cache, settings, monkeypatch
):
    n = network
    page = ArticlePageFactory(parent=n.columns["tu-phap"], title="Bài đổi khi Redis ngừng")
    reader.warm(page, n.a)

    redis_cache.stop(keep_data=True)
    made_private_elsewhere(page, n.a.site)
    redis_cache.start()
    # This process saw no error (it served nothing during the outage).
    monkeypatch.setattr(shared, "_health", {})
    settings.CACHES = dict(settings.CACHES)

    assert reader.get(n.b.home_page, n.b)["X-Cache"] == "BYPASS"  # rendered, not stored
    assert reader.get(page, n.a).status_code == 302


def test_the_pages_changed_for_campaigns_answer_while_redis_is_down(client, network, redis_cache):
    """The header's campaign list, a union's campaigns, the front page, the 10-year review's
    timeline, the site icons and the phrase search all come from the database when the cache
    is unreachable."""
    hub = CampaignHubPage(title="Chuyên trang", campaign=network.campaign, intro="Giới thiệu.")
    hub.review = ten_year_review(
        {"timeline": [(2014, "Ra đời", "12.500", "")], "figures": [("Quà", "suất", [(2014, 5)])]}
    )
    network.central.home_page.add_child(instance=hub)
    hub.save_revision().publish()
    redis_cache.stop()
    pages = [
        (network.central, "/"),
        (network.central, hub.get_url_parts()[2]),
        (network.a, "/"),
        (network.a, network.columns["tu-phap"].get_url_parts()[2]),
        (network.a, '/tim-kiem/?q="tet sum"'),
        (network.a, "/site.webmanifest"),
    ]
    for union, path in pages:
        response = client.get(path, HTTP_HOST=union.site.hostname)
        assert response.status_code == 200, path
    assert f'href="{hub.full_url}"' in client.get("/", HTTP_HOST=network.a.site.hostname).text


def test_events_press_and_calendars_answer_while_redis_is_down(client, network, redis_cache):
    """The union's home and the hub with their events and press coverage, an event page and
    the calendars come from the database when the cache is unreachable."""
    column = network.columns["tu-phap"]
    event = EventPageFactory(parent=column, title="Phiên chợ khi mất bộ nhớ đệm")
    event.save_revision().publish()
    press = PressMentionPageFactory(parent=column, title="Báo viết khi mất bộ nhớ đệm")
    press.save_revision().publish()
    hub = CampaignHubPage(title="Chuyên trang", campaign=network.campaign, intro="Giới thiệu.")
    network.central.home_page.add_child(instance=hub)
    hub.save_revision().publish()
    redis_cache.stop()
    calendar = reverse("calendar:campaign", kwargs={"slug": network.campaign.slug})
    for union, path, text in [
        (network.a, "/", "Phiên chợ khi mất bộ nhớ đệm"),
        (network.a, "/", "Báo viết khi mất bộ nhớ đệm"),
        (network.central, hub.get_url_parts()[2], "Phiên chợ khi mất bộ nhớ đệm"),
        (network.a, event.get_url_parts()[2], "Phiên chợ khi mất bộ nhớ đệm"),
        (network.a, reverse("calendar:site"), "Phiên chợ khi mất bộ nhớ đệm"),
        (network.central, calendar, "Phiên chợ khi mất bộ nhớ đệm"),
    ]:
        response = client.get(path, HTTP_HOST=union.site.hostname)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path
