"""The page cache's store: entries keyed by request, checked against generation counters.

Each entry records the generation counters it was rendered under; it is served only while
they are unchanged. Bumping a counter therefore invalidates, at once and in every process
sharing the cache, exactly the entries that depend on it, without listing keys:

- ``global``: everything (sites, unions, shared campaigns and columns changed);
- ``site:<id>``: one site's own pages, listings, feeds, sitemap and search;
- ``network``: pages that gather content from several sites (every page of the central
  site, and union pages other than the home page, column pages, feeds, search, sitemap).

A missing counter (never set, or evicted) is created with a random value, so an entry
stored under an evicted counter can never become valid again.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache

PREFIX = "pagecache:"
GLOBAL = "global"
NETWORK = "network"


def site_counter(site_id):
    return f"site:{site_id}"


def _key(name):
    return f"{PREFIX}gen:{name}"


def _fresh():
    return secrets.randbits(62)


def generations(names):
    """The current value of each counter, creating missing ones."""
    keys = {_key(n): n for n in names}
    found = cache.get_many(list(keys))
    values = {}
    for key, name in keys.items():
        if key in found:
            values[name] = found[key]
        else:
            cache.add(key, _fresh(), timeout=None)
            values[name] = cache.get(key)
    return values


def bump(*names):
    for name in names:
        key = _key(name)
        try:
            cache.incr(key)
        except ValueError:  # missing: any fresh value differs from what entries recorded
            cache.set(key, _fresh(), timeout=None)


def entry_key(parts):
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{PREFIX}page:{digest}"


def get_entry(key, likely=()):
    """(entry, counters): the entry stored under `key` if every counter it recorded is
    unchanged, else None; and the names of the counters it recorded (() if there is none).

    `likely` names the counters the entry probably recorded (its site's): they are read in
    the same round trip as the entry, so a hit usually costs one request to the cache.
    """
    counter_keys = {_key(n): n for n in likely}
    found = cache.get_many([key, *counter_keys])
    entry = found.pop(key, None)
    if entry is None:
        return None, ()
    recorded = entry["generations"]
    current = {counter_keys[k]: v for k, v in found.items()}
    if not recorded.keys() <= current.keys():  # other counters, or one was evicted
        current = generations(recorded)
    valid = all(current[n] == v for n, v in recorded.items())
    return (entry if valid else None), tuple(recorded)


def set_entry(key, entry):
    cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
