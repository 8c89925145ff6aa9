"""Network-wide data that every public page needs, cached across requests.

The unions and their sites, each site's branding and menu, the campaigns and columns
(filter choices), the locales and the branches that listings must keep out (unpublished or
restricted) change rarely but are read on every page. They are kept in Django's cache
(Redis when REDIS_URL is set, local memory otherwise) under a version number; any change
to the data behind them (listed in core.changes) bumps the version, so the next read
reloads: a stale menu, branding or listing exclusion is never served. A request reads the
version once and then takes what this process loaded under it from memory.

The versions live in the database (pagecache.models), not in the cache: what a process keeps
in memory decides who may see a page (view restrictions, offline unions, private branches), so
it is only used under a version every process reads from the same place, at every request.
When the shared cache is unreachable the versions and the data still come from the database
(the cache is a miss: core.cache), and nothing the cache missed can be served afterwards.
"""

import copy
import secrets
import threading

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection
from django.http.request import split_domain_port
from wagtail.models import Locale, Page, PageViewRestriction, Site

from pagecache import models as versions

TIMEOUT = 60 * 60 * 24
# Kept in memory per version at most (counts are keyed by query: readers choose how many).
MAX_VALUES = 2000

# Per process: the versions read at the start of the current request (one read per request;
# None outside requests, where every call reads them) and the values loaded under it.
_local = threading.local()
_values = {}
_values_version = None


def _read_versions():
    """{name: value} of the versions (pagecache.models), in one query."""

    return versions.read()


def _versions():
    current = getattr(_local, "versions", None)
    if current is None:
        current = _read_versions()
        if getattr(_local, "in_request", False):
            _local.versions = current
    return current


def version():
    """Changes with everything listed in core.changes (but report reviews)."""
    return _versions()["snapshot"]


def structure_version():
    """Changes only with the network itself (core.changes.Change.everything): unions,
    sites, campaigns, columns, locales, images and documents edited. What depends on a page's
    own fields plus these (an article card) is cached under it and the fields."""
    return _versions()["structure"]


def fragment_version():
    """What rendered fragments (article cards, the hub's filters) are keyed under besides their
    own fields: the structure version, or, while this thread's transaction holds an
    uncommitted change, a value never used again (see _uncommitted)."""
    if _uncommitted():
        return f"uncommitted-{secrets.token_hex(8)}"
    return structure_version()


def cache_epoch():
    """Changes when an invalidation could not reach the shared cache (pagecache.cache)."""
    return _versions()["epoch"]


def _request_started(**kwargs):
    _local.in_request, _local.versions, _local.uncommitted = True, None, False


def _request_finished(**kwargs):
    _local.in_request, _local.versions, _local.uncommitted = False, None, False


def _uncommitted():
    """True while this thread's transaction has bumped a version and not committed yet.

    What is loaded then shows uncommitted data under a version that, if the transaction rolls
    back, stays current (a PostgreSQL sequence never goes back): it must not be kept beyond
    this request. After a commit the change is sent again (core.changes), bumping once more.
    """
    if getattr(_local, "uncommitted", False) and not connection.in_atomic_block:
        _local.uncommitted = False  # committed (or rolled back) since
    return getattr(_local, "uncommitted", False)


def _bumped():
    _local.versions = None
    if connection.in_atomic_block:
        _local.uncommitted = True


request_started.connect(_request_started, dispatch_uid="network-snapshot-request-started")
request_finished.connect(_request_finished, dispatch_uid="network-snapshot-request-finished")


def bump(structure=False):
    """Make every cached entry stale (and what depends on the structure, if it changed)."""

    _bumped()
    versions.bump(*(("snapshot", "structure") if structure else ("snapshot",)))


def bump_cache_epoch():
    """An invalidation did not reach the shared cache: see pagecache.cache."""

    _bumped()
    versions.bump("epoch")


def cached(name, loader, request=None, shared=True):
    """`loader()`, cached under the current version: in this process's memory, then in the
    shared cache (and on the request, if given). Callers must not change what they get.

    `shared=False` keeps it out of the shared cache: for values there is one of per page
    (a routed page), as cheap to load as to fetch, which every version would otherwise
    leave in Redis by the hundred until they expire."""
    global _values_version
    memo = getattr(request, "_network_snapshot", None) if request is not None else None
    if memo is not None and name in memo:
        return memo[name]
    current = version()
    if _uncommitted():
        value = loader()  # kept on the request only: see _uncommitted
    else:
        if current != _values_version or len(_values) > MAX_VALUES:
            _values.clear()
            _values_version = current
        if name in _values:
            value = _values[name]
        else:
            key = f"network-snapshot:{current}:{name}"
            boxed = cache.get(key) if shared else None  # (value,): None can be cached too
            if boxed is None:
                boxed = (loader(),)
                if shared:
                    cache.set(key, boxed, TIMEOUT)
            value = _values[name] = boxed[0]
    if request is not None:
        if memo is None:
            memo = request._network_snapshot = {}
        memo[name] = value
    return value


def view_restriction_map():
    """What BasePage.get_view_restrictions needs to know without a query: the ids and tree
    paths of the pages with a view restriction, and {path: alias_of id} of every alias."""

    def load():
        rows = list(PageViewRestriction.objects.values_list("page_id", "page__path"))
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", "alias_of_id")
        return {
            "ids": {page_id for page_id, _ in rows},
            "paths": {path for _, path in rows},
            "aliases": dict(aliases),
        }

    return cached("view-restrictions", load)


def _sites_by_address():
    """{(hostname, port): Site, its root page loaded} of every site (request_site)."""
    return {(site.hostname, site.port): site for site in Site.objects.select_related("root_page")}


def request_site(request):
    """The Wagtail site answering the request (None only in a network with no site at all):
    Wagtail's lookup, made at most once per request and kept on it (Wagtail keeps it as
    ``request._wagtail_site``).

    A request for a site's own hostname and port, the site Wagtail would pick first, takes it
    from the snapshot instead of Wagtail's query (a site change bumps the version:
    core.changes); any other address (an unknown host, a port no site has) is left to
    Wagtail's rules, uncached, so that what anonymous requests send grows no cache.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        if port.isdigit():
            site = cached("sites-by-address", _sites_by_address).get((hostname, int(port)))
            if site is not None:
                # A copy: what the snapshot holds is shared by every request of the process.
                request._wagtail_site = site = copy.copy(site)
                site.root_page = copy.copy(site.root_page)
    return Site.find_for_request(request)


def locale_codes():
    """{locale id: language code}, cached."""

    return cached("locales", lambda: dict(Locale.objects.values_list("id", "language_code")))


def locale_id_for(language):
    """The id of the locale of a language code (None if the network has no such locale)."""
    return next((pk for pk, code in locale_codes().items() if code == language), None)


def on_content_changed(sender, change, **kwargs):
    """Every change listed in core.changes, except a report review (no snapshot data)."""
    if not change.network_only:
        bump(structure=change.everything)
