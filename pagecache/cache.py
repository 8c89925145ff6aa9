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

Each process also keeps the entries it stored or served last in memory (at most
PAGE_CACHE_LOCAL_BYTES of page content, until the entry's own expiry): a hit on one of them
reads only the counters from the shared cache, not the page.
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict

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


class _LocalEntries:
    """A bounded, least-recently-used map of entry key -> entry, per process."""

    def __init__(self):
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.get("expires", 0) <= time.time():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        if len(entry["content"]) > limit:
            return
        with self.lock:
            self._drop(key)
            self.entries[key] = entry
            self.size += len(entry["content"])
            while self.size > limit:
                self._drop(next(iter(self.entries)))

    def discard(self, key):
        with self.lock:
            self._drop(key)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key):
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= len(entry["content"])


local_entries = _LocalEntries()


def get_entry(key, likely=()):
    """(entry, counters): the entry stored under `key` if every counter it recorded is
    unchanged, else None; and the names of the counters it recorded (() if there is none).

    An entry this process holds costs one read of its counters. Otherwise `likely` names
    the counters the entry probably recorded (its site's): they are read in the same round
    trip as the entry, so a hit usually costs one request to the cache.
    """
    entry = local_entries.get(key)
    if entry is not None:
        recorded = entry["generations"]
        found = cache.get_many([_key(n) for n in recorded])
        if all(found.get(_key(n)) == v for n, v in recorded.items()):
            return entry, tuple(recorded)
        local_entries.discard(key)  # stale here; another process may have stored a new one

    counter_keys = {_key(n): n for n in likely}
    found = cache.get_many([key, *counter_keys])
    entry = found.pop(key, None)
    if entry is None:
        return None, ()
    recorded = entry["generations"]
    current = {counter_keys[k]: v for k, v in found.items()}
    if not recorded.keys() <= current.keys():  # other counters, or one was evicted
        current = generations(recorded)
    if not all(current[n] == v for n, v in recorded.items()):
        return None, tuple(recorded)
    local_entries.put(key, entry)
    return entry, tuple(recorded)


def set_entry(key, entry):
    entry["expires"] = time.time() + settings.PAGE_CACHE_TIMEOUT
    cache.set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
    local_entries.put(key, entry)
