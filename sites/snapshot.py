"""Network-wide data that every public page needs, cached across requests.

The unions and their sites, each site's branding and menu, the campaigns and columns
(filter choices), the locales and the branches that listings must keep out (unpublished or
restricted) change rarely but are read on every page. They are kept in Django's cache
(Redis when REDIS_URL is set, local memory otherwise) under a version number; any change
to the data behind them (see `connect_signals`) bumps the version, so the next read
reloads: a stale menu, branding or listing exclusion is never served. The changes that bump
it are listed in sites.changes.
"""

from django.core.cache import cache

VERSION_KEY = "network-snapshot:version"
TIMEOUT = 60 * 60 * 24


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        # A fresh number (not 1) so a cache emptied and refilled never reuses old entries.
        import time

        current = time.time_ns()
        if not cache.add(VERSION_KEY, current, timeout=None):
            current = cache.get(VERSION_KEY, current)
    return current


def bump():
    """Make every cached entry stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: nothing cached under one either
        version()
        cache.incr(VERSION_KEY)


def cached(name, loader, request=None):
    """`loader()`, cached under the current version (and on the request, if given)."""
    memo = getattr(request, "_network_snapshot", None) if request is not None else None
    if memo is not None and name in memo:
        return memo[name]
    key = f"network-snapshot:{version()}:{name}"
    boxed = cache.get(key)  # (value,), so that None can be cached too
    if boxed is None:
        boxed = (loader(),)
        cache.set(key, boxed, TIMEOUT)
    value = boxed[0]
    if request is not None:
        if memo is None:
            memo = request._network_snapshot = {}
        memo[name] = value
    return value


def locale_codes():
    """{locale id: language code}, cached."""
    from wagtail.models import Locale

    return cached("locales", lambda: dict(Locale.objects.values_list("id", "language_code")))


def on_content_changed(sender, change, **kwargs):
    """Every change listed in sites.changes, except a report review (no snapshot data)."""
    if not change.network_only:
        bump()
