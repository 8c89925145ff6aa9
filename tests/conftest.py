from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation

from blog.factories import (
    ArticlePageFactory,
    CampaignFactory,
    ColumnFactory,
    ColumnPageFactory,
    NewsHubPageFactory,
)
from blog.models import Campaign, Column, ColumnPage, NewsHubPage
from centre.factories import CentralUnionFactory, UnionFactory
from pagecache import snapshot
from sites.models import Union
from tests.browser import browser  # noqa: F401  (session fixture: Debian's Chromium)
from tests.s3_server import object_storage, s3_server  # noqa: F401  (moto's S3 server)

# The longest files (a demo network each, or networks grown to measure), started first so that
# the workers of `make test` (pytest-xdist, a file at a time) finish together.
LONG_FILES = (
    "tests/ops/test_backup.py",  # one test of two minutes: a backup and restore of the demo
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
def _clear_cache(request):
    # Wagtail caches site root paths in the Django cache; start every test clean.
    cache.clear()
    if "django_db_setup" in request.fixturenames:
        # What a process keeps in memory is keyed by the versions of pagecache.models. A test's
        # rollback undoes its data but not its versions (PostgreSQL sequences never go back),
        # so what it loaded under them must not serve the next test: start on new ones.
        with request.getfixturevalue("django_db_blocker").unblock():
            snapshot.bump(structure=True)
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language(settings):
    # Django's LocaleMiddleware activates a request's language and leaves it active in the
    # thread: a test whose last request read an English page would make the next test's
    # reverse() build /en/ URLs. Every test starts, and ends, in the default language.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _uncached_query_counts(request, settings):
    # Query-count tests measure the pages themselves (a warm-up request, then the counted
    # one), not the page cache in front of them; every other test runs with it on.
    if "query_count" in request.module.__name__:
        settings.PAGE_CACHE_ENABLED = False


def host(union):
    return union.site.hostname


def build_network():
    """A central site with a news hub, and two unions, each with one column."""
    campaign = CampaignFactory(name="Tết Sum vầy 2024")
    column = ColumnFactory(name="Xuân chia sẻ")
    campaign.columns.add(column)  # a column of the (ended) campaign, not a standing one
    central = CentralUnionFactory()
    union_a = UnionFactory(name="Công đoàn Bộ Tư pháp", short_name="CĐ Tư pháp", slug="tu-phap")
    union_b = UnionFactory(name="Công đoàn Bộ Nội vụ", short_name="CĐ Nội vụ", slug="noi-vu")
    hub = NewsHubPageFactory(parent=central.home_page)
    columns = {
        u.slug: ColumnPageFactory(parent=u.home_page, column=column, campaign=campaign)
        for u in (central, union_a, union_b)
    }
    return SimpleNamespace(
        central=central.pk,
        a=union_a.pk,
        b=union_b.pk,
        hub=hub.pk,
        campaign=campaign.pk,
        column=column.pk,
        columns={slug: page.pk for slug, page in columns.items()},
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, holding the network of `build_network` from the start: built once per
    session (per xdist worker); every test then runs in a transaction that is rolled back.
    The migrated state before it is kept for the tests that need it (`empty_db`)."""
    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
        ids = build_network()
        cache.clear()
    return SimpleNamespace(network=ids, migrated=migrated)


@pytest.fixture
def empty_db(db, django_db_setup):
    """The database as the migrations leave it, without the session's network: for the tests of
    provisioning and of the demo loader, which start from an empty network. Like any change in
    a test, this is rolled back at its end."""
    # Wagtail's search index receiver runs as the pages are loaded back (before the content
    # types, which come later in INSTALLED_APPS) and asks for their content type: answered from
    # the warmed in-process cache, it does not create a duplicate row.
    ContentType.objects.get_for_models(*apps.get_models())
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))
    connection.creation.deserialize_db_from_string(django_db_setup.migrated)
    cache.clear()


@pytest.fixture
def network(db, django_db_setup):
    """The session's network, fetched afresh: a test may change these objects (the database
    rolls back at its end; fresh instances keep one test's in-memory edits from the next)."""
    ids = django_db_setup.network
    unions = Union.objects.select_related("site", "editors_group", "approvers_group", "collection")
    if not unions.filter(pk=ids.central).exists():
        pytest.fail(
            "The session's network is gone: a test emptied the database (empty_db) before "
            "asking for it, or a transactional test ran before this one."
        )
    return SimpleNamespace(
        central=unions.get(pk=ids.central),
        a=unions.get(pk=ids.a),
        b=unions.get(pk=ids.b),
        hub=NewsHubPage.objects.get(pk=ids.hub),
        campaign=Campaign.objects.get(pk=ids.campaign),
        column=Column.objects.get(pk=ids.column),
        columns={slug: ColumnPage.objects.get(pk=pk) for slug, pk in ids.columns.items()},
    )


@pytest.fixture
def article_factory():
    return ArticlePageFactory
