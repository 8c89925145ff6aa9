from types import SimpleNamespace

import pytest
from django.core.cache import cache

from blog.factories import (
    ArticlePageFactory,
    CampaignFactory,
    ColumnFactory,
    ColumnPageFactory,
    NewsHubPageFactory,
)
from centre.factories import CentralUnionFactory, UnionFactory
from tests.browser import browser  # noqa: F401  (session fixture: Debian's Chromium)

# The longest files (a demo network each, or networks grown to measure), started first so that
# the workers of `make test` (pytest-xdist, a file at a time) finish together.
LONG_FILES = (
    "tests/quality/",
    "tests/performance/test_query_counts.py",
    "tests/sites/test_demo.py",
    "tests/admin/test_admin_url_walk.py",
    "tests/campaigns/test_demo_hubs.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    def rank(item):
        transactional = any(m.kwargs.get("transaction") for m in item.iter_markers("django_db"))
        if transactional:  # last, as pytest-django orders them
            return len(LONG_FILES) + 1
        return next(
            (n for n, f in enumerate(LONG_FILES) if item.nodeid.startswith(f)), len(LONG_FILES)
        )

    items.sort(key=rank)  # stable: the order within each rank is kept


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths in the Django cache; start every test clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _uncached_query_counts(request, settings):
    # Query-count tests measure the pages themselves (a warm-up request, then the counted
    # one), not the page cache in front of them; every other test runs with it on.
    if "query_count" in request.module.__name__:
        settings.PAGE_CACHE_ENABLED = False


def host(union):
    return union.site.hostname


@pytest.fixture
def network(db):
    """A central site with a news hub, and two unions, each with one column."""
    campaign = CampaignFactory(name="Tết Sum vầy 2024")
    column = ColumnFactory(name="Xuân chia sẻ")
    central = CentralUnionFactory()
    union_a = UnionFactory(name="Công đoàn Bộ Tư pháp", short_name="CĐ Tư pháp", slug="tu-phap")
    union_b = UnionFactory(name="Công đoàn Bộ Nội vụ", short_name="CĐ Nội vụ", slug="noi-vu")
    hub = NewsHubPageFactory(parent=central.home_page)
    columns = {
        u.slug: ColumnPageFactory(parent=u.home_page, column=column, campaign=campaign)
        for u in (central, union_a, union_b)
    }
    return SimpleNamespace(
        central=central,
        a=union_a,
        b=union_b,
        hub=hub,
        campaign=campaign,
        column=column,
        columns=columns,
    )


@pytest.fixture
def article_factory():
    return ArticlePageFactory
