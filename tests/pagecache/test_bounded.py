"""Anonymous readers cannot fill the cache: made-up filters, searches and page numbers are
answered but leave nothing in it; real filter values are still cached (pagecache docstring)."""

import random
import string

import pytest
from django.core.cache import caches
from django.urls import reverse
from taggit.models import Tag

from blog.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted_cache(settings):
    """The default cache, big enough never to cull, so that every key stored is counted."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "bounded-cache-test",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
        "fragments": settings.CACHES["fragments"],
    }
    caches["default"].clear()
    return caches["default"]


@pytest.fixture
def listing(network):
    n = network
    for union in (n.a, n.b):
        for i in range(3):
            page = ArticlePageFactory(
                parent=n.columns[union.slug], title=f"Chợ Tết {union.slug} {i}"
            )
            page.tags.add("Chợ Tết")
            page.save_revision().publish()
    n.tag = Tag.objects.get(name="Chợ Tết").slug
    n.hub_url = n.hub.get_url_parts()[2]
    n.search_url = reverse("search")
    return n


def word(rng, length=None):
    return "".join(rng.choices(string.ascii_lowercase + "đươ ", k=length or rng.randint(3, 30)))


def junk_requests(n, count, seed=6):
    """(address, site) pairs anyone could make up: unknown unions, tags, kinds, campaigns and
    searches, malformed dates, page numbers out of range or malformed, repeated parameters."""
    rng = random.Random(seed)
    hub, search, column = n.hub_url, n.search_url, n.columns["tu-phap"].get_url_parts()[2]
    pages = lambda: rng.choice(  # noqa: E731
        [str(rng.randint(2, 10**12)), "-1", "0", "01", "1e9", word(rng, 5), " 1", "999999999"]
    )
    makers = [
        lambda: (f"{hub}?tag={word(rng)}", n.central),
        lambda: (f"{hub}?tag={n.tag}%20", n.central),
        lambda: (f"{hub}?union={word(rng)}", n.central),
        lambda: (f"{hub}?kind={word(rng)}&campaign={word(rng)}", n.central),
        lambda: (f"{hub}?page={pages()}", n.central),
        lambda: (f"{hub}?union=tu-phap&page={pages()}", n.central),
        lambda: (f"{hub}?from={word(rng, 10)}&to=2024-13-45", n.central),
        lambda: (f"{hub}?from=01/02/2024", n.central),
        lambda: (f"{hub}?union=tu-phap&union=noi-vu", n.central),
        lambda: (f"{hub}?q={word(rng)}", n.central),
        lambda: (f"{search}?q={word(rng)}", n.central),
        lambda: (f"{search}?q={word(rng)}&page={pages()}", n.a),
        lambda: (f"{search}?q=cho+tet&page={pages()}", n.central),
        lambda: (f"{search}?q=cho+tet&union={word(rng)}", n.central),
        lambda: (f"{search}?q=cho+tet+{'x' * 70}", n.central),
        lambda: (f"{column}?page={pages()}", n.a),
        lambda: (f"/?page={pages()}", n.b),
    ]
    return [rng.choice(makers)() for _ in range(count)]


CANONICAL = [
    lambda n: (n.hub_url, n.central),
    lambda n: (f"{n.hub_url}?union=tu-phap", n.central),
    lambda n: (f"{n.hub_url}?union=noi-vu", n.central),
    lambda n: (f"{n.hub_url}?tag={n.tag}", n.central),
    lambda n: (f"{n.hub_url}?union=noi-vu&kind=&from=2024-01-01", n.central),
    lambda n: (f"{n.hub_url}?page=1", n.central),
    lambda n: (f"{n.search_url}?q=cho+tet", n.central),
    lambda n: (f"{n.search_url}?q=Chợ Tết&union=tu-phap", n.central),
    lambda n: (f"{n.search_url}?q=cho+tet", n.a),
    lambda n: (n.columns["tu-phap"].get_url_parts()[2], n.a),
    lambda n: ("/", n.b),
]


def test_junk_requests_are_answered_but_not_stored(listing, reader, counted_cache, monkeypatch):
    # The union homes' events are cached per ten minutes (activities.listing): one window for
    # the whole test, or crossing into the next one would look like a stored junk request.
    monkeypatch.setattr("activities.listing._bucket", lambda: 1)
    n = listing
    for make in CANONICAL:
        reader.warm(*make(n))
    stored = set(counted_cache._cache)

    for url, site in junk_requests(n, 500):
        response = reader.get(url, site)
        assert response.status_code == 200, url
        assert response["X-Cache"] == "BYPASS", url

    # Nothing of theirs: no page, no listing count, no counter (the sites and the counts of
    # the listings filtered by known values were all made before). Wagtail may have written
    # its one list of the sites' roots again.
    added = set(counted_cache._cache) - stored
    assert not [key for key in added if "pagecache:" in key or "network-snapshot:" in key]
    assert len(added) <= 1, added
    # Real filter values are still served from the cache.
    for make in CANONICAL:
        assert reader.get(*make(n))["X-Cache"] == "HIT", make(n)


def test_a_page_number_beyond_the_listing_answers_its_last_page_unstored(listing, reader):
    n = listing
    for number in ("2", "999999999999"):
        response = reader.get(f"{n.hub_url}?page={number}", n.central)
        assert (response.status_code, response["X-Cache"]) == (200, "BYPASS")
        assert response.context["articles"].number == 1  # the last (only) page
        assert "Chợ Tết noi-vu 2" in response.content.decode()


def test_each_site_stores_a_bounded_number_of_addresses_with_a_query_string(
    listing, reader, counted_cache, settings
):
    settings.PAGE_CACHE_MAX_VARIANTS = 5
    n = listing
    states = [
        reader.get(f"{n.hub_url}?from=2024-01-{day:02d}", n.central)["X-Cache"]
        for day in range(1, 13)
    ]
    assert states == ["MISS"] * 5 + ["BYPASS"] * 7
    entries = [k for k in counted_cache._cache if "pagecache:page:" in k]
    assert len(entries) == 5
    # Addresses without a query string are not counted; another site has its own budget.
    assert reader.warm(n.hub, n.central)["X-Cache"] == "HIT"
    assert reader.warm(f"{n.search_url}?q=cho+tet", n.a)["X-Cache"] == "HIT"
