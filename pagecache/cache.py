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

When the shared cache cannot be reached (core.cache makes every operation a miss) pages are
rendered and not stored, and a bump is lost. Nothing stored before may then be served again:

- a process that saw the cache fail makes everything stale (a fresh ``global`` counter,
  Wagtail's site paths dropped: `make_everything_stale`) when the cache answers again, before
  it reads anything from it (core.cache.on_recovery);
- a bump that did not reach the cache also changes the *cache epoch* in the database
  (pagecache.models). The cache holds the epoch it was last brought up to date with; a
  rendered page reads both (in round trips it makes anyway) and, if they differ, makes
  everything stale and is not stored. This covers a process that changed content during the
  outage and exited before it ended (a management command): its loss is seen by the first
  page rendered in any process afterwards, and by every process that starts afterwards
  before it serves anything (check_epoch_once).

The one window left: when the process that lost a bump exited before the cache came back (or
could not reach it while others could), a process that saw no error and was already running
may serve what the cache held until any process renders a page, at most PAGE_CACHE_TIMEOUT.
With web traffic during the outage every web process sees it, and the first case applies.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

from core import cache as shared
from pagecache.models import fresh as _fresh
from pagecache.snapshot import bump_cache_epoch, cache_epoch

PREFIX = "pagecache:"
GLOBAL = "global"
NETWORK = "network"
# The cache epoch (pagecache.models) the cache was last brought up to date with.
EPOCH_KEY = f"{PREFIX}epoch"


def site_counter(site_id):
    return f"site:{site_id}"


def _key(name):
    return f"{PREFIX}gen:{name}"


def generations(names, *, with_epoch=False):
    """The current value of each counter, creating missing ones (None: the cache cannot be
    reached). With `with_epoch`, also the cache's epoch, under EPOCH_KEY (None if unset)."""
    keys = {_key(n): n for n in names}
    found = cache.get_many([*keys, EPOCH_KEY] if with_epoch else list(keys))
    values = {EPOCH_KEY: found.get(EPOCH_KEY)} if with_epoch else {}
    for key, name in keys.items():
        if key in found:
            values[name] = found[key]
        else:
            cache.add(key, _fresh(), timeout=None)
            values[name] = cache.get(key)
    return values


def bump(*names):
    with shared.watch() as outcome:
        for name in names:
            key = _key(name)
            try:
                cache.incr(key)
            except ValueError:  # missing: any fresh value differs from what entries recorded
                cache.set(key, _fresh(), timeout=None)
    if outcome.failed:  # lost: whatever the cache still holds may show the old content
        bump_cache_epoch()


def make_everything_stale():
    """No entry stored so far is served again, in any process; Wagtail's cached site paths
    are read again. For when invalidations may have been lost (see the module docstring)."""

    cache.set(_key(GLOBAL), _fresh(), timeout=None)
    local_entries.clear()
    Site.clear_site_root_paths_cache()
    cache.delete("wagtail_locales_display_name")


def recover():
    """The cache answers again after this process saw it fail (core.cache.on_recovery)."""

    make_everything_stale()
    cache.set(EPOCH_KEY, cache_epoch(), timeout=None)


def epoch_is_current(seen):
    """Whether the cache is up to date with the database's cache epoch, `seen` being what
    it held (generations(..., with_epoch=True)); if not, make it so: everything is stale."""

    current = cache_epoch()
    if seen is None:  # a new (or emptied) cache: nothing in it predates the epoch
        cache.add(EPOCH_KEY, current, timeout=None)
        return True
    if seen == current:
        return True
    make_everything_stale()
    cache.set(EPOCH_KEY, current, timeout=None)
    return False


_epoch_checked = False


def check_epoch_once():
    """A process's first use of the cache: bring it up to date with the cache epoch before
    serving anything from it (a process started after an outage sees the losses at once)."""
    global _epoch_checked
    if not _epoch_checked:
        with shared.watch() as outcome:
            epoch_is_current(cache.get(EPOCH_KEY))
        _epoch_checked = not outcome.failed


def take_variant(site_id, recorded):
    """Whether one more address with a query string may be stored for this site: at most
    PAGE_CACHE_MAX_VARIANTS per site while its counters (`recorded`) are unchanged and within
    PAGE_CACHE_TIMEOUT (the budget's own lifetime, like the entries')."""
    limit = settings.PAGE_CACHE_MAX_VARIANTS
    if limit <= 0:
        return False
    names = (GLOBAL, site_counter(site_id))
    key = f"{PREFIX}variants:{site_id}:" + ":".join(str(recorded.get(n)) for n in names)
    cache.add(key, 0, timeout=settings.PAGE_CACHE_TIMEOUT)
    try:
        count = cache.incr(key)
    except ValueError:  # expired or evicted between the two calls
        return False
    return count is not None and count <= limit


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
