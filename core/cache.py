"""Django's Redis cache backend: one redis-py client per connection pool, and fail-soft.

One client per pool: Django's backend makes a new ``redis.Redis`` for every cache call;
redis-py 8 fills a table of some 170 response callbacks for each new client, which costs more
than the round trip to Redis itself (measured: ~360 µs per call on the development machine).
A client is safe to share: it takes a connection from the pool for each command.

Fail-soft: the cache only ever makes things faster, so a Redis that cannot be reached (refused,
timed out, loading, refusing writes) is a miss, never an error. Every operation then answers
as for a missing key: ``get`` the default, ``get_many`` ``{}``, ``add``/``touch``/``delete``/
``has_key`` ``False``, ``incr`` ``None``, ``set``/``set_many``/``delete_many``/``clear``
nothing. Connections time out after ``DEFAULT_SOCKET_TIMEOUT`` unless ``OPTIONS`` say
otherwise, so a hung Redis holds a request a quarter of a second at most; after an error the
process leaves Redis alone for ``RETRY_AFTER`` (every call is a miss at once), then tries
again. The outage is logged once per ``LOG_INTERVAL`` per process (a WARNING with the number
of failed operations), not once per request.

Recovery: when Redis answers again after an error, the functions registered with
`on_recovery` run before any other operation is let through (the page cache makes everything
stored before the outage stale: changes made during it could not clear it; see
pagecache.cache). `watch` tells a caller whether the operations it made reached the cache.

`available()` says whether the default cache can be used now; a process-local cache always
can.
"""

import logging
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DEFAULT_SOCKET_TIMEOUT = 0.25  # seconds, to connect and for each answer
RETRY_AFTER = 1.0  # seconds without trying after an error
LOG_INTERVAL = 30.0  # seconds between two log messages about one cache, per process

_recovery_hooks = []
_health = {}
_health_lock = threading.Lock()
_thread = threading.local()  # .failures: operations that did not reach the cache


def on_recovery(func):
    """Run `func()` when a cache answers again after an error, before anything else uses it."""
    if func not in _recovery_hooks:
        _recovery_hooks.append(func)
    return func


@contextmanager
def watch():
    """``with watch() as outcome:`` cache operations; then ``outcome.failed`` says whether
    any of them (in this thread) did not reach the cache."""
    outcome = _Outcome(getattr(_thread, "failures", 0))
    yield outcome
    outcome.failed = getattr(_thread, "failures", 0) != outcome.start


class _Outcome:
    def __init__(self, start):
        self.start = start
        self.failed = False


def available(backend=None):
    """Whether the cache (default: the default cache) can be used now. After an error it
    tries again (once per RETRY_AFTER), running the recovery functions if Redis answers."""
    backend = caches["default"] if backend is None else backend
    health = getattr(backend, "health", None)
    if health is None or not health.down:
        return True
    return health.try_recover(backend)


def _describe(server):
    """host:port/db of a Redis URL, without credentials (for the log)."""
    parts = urlsplit(server)
    return f"{parts.hostname}:{parts.port or 6379}{parts.path or ''}" if parts.hostname else server


class Health:
    """Whether one Redis answered last, per process (shared by every thread's backend)."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.down_since = None  # time.monotonic() of the first error of the current outage
        self.retry_at = 0.0
        self.failures = 0  # since start
        self.unlogged = 0  # failures since the last message
        self.logged_at = None
        self.announced = False  # an outage message awaits its recovery message
        self.recovering = None  # the thread running the recovery functions

    @property
    def down(self):
        return self.down_since is not None

    def failed(self, operation, error):
        _thread.failures = getattr(_thread, "failures", 0) + 1
        now = time.monotonic()
        with self.lock:
            if self.down_since is None:
                self.down_since = now
            self.retry_at = now + RETRY_AFTER
            self.failures += 1
            self.unlogged += 1
            if self.logged_at is not None and now - self.logged_at < LOG_INTERVAL:
                return
            self.logged_at, count, self.unlogged = now, self.unlogged, 0
            self.announced = True
        logger.warning(
            "Cache %s unreachable (%s: %s: %s); pages are served without it. "
            "%d cache operation(s) failed since the last message; next message in %d s at "
            "the earliest.",
            self.name,
            operation,
            type(error).__name__,
            error,
            count,
            LOG_INTERVAL,
        )

    def skipped(self):
        _thread.failures = getattr(_thread, "failures", 0) + 1
        with self.lock:
            self.unlogged += 1

    def try_recover(self, backend):
        """Whether calls may go to Redis now: not down, or down long enough to try again and
        Redis answers (then the recovery functions have run)."""
        me = threading.get_ident()
        with self.lock:
            if self.down_since is None or self.recovering == me:
                return True
            if self.recovering is not None or time.monotonic() < self.retry_at:
                return False
            self.recovering = me
        recovered = False
        try:
            try:
                backend._cache.get_client(write=True).ping()
            except RedisError as error:
                self.failed("ping", error)
                return False
            before = self.failures
            try:
                for hook in list(_recovery_hooks):
                    hook()
            except Exception:
                logger.exception("Cache %s: recovery failed; trying again later", self.name)
                with self.lock:
                    self.retry_at = time.monotonic() + RETRY_AFTER
                return False
            recovered = self.failures == before  # else a hook could not reach Redis
            return recovered
        finally:
            with self.lock:
                self.recovering = None
                announce = recovered and self.announced
                if recovered:
                    lasted = time.monotonic() - self.down_since
                    self.down_since = None
                    count, self.unlogged, self.announced = self.unlogged, 0, False
            if announce:  # one message per outage message, so flapping logs no more
                logger.warning(
                    "Cache %s reachable again after %.1f s (%d more failed operation(s)); "
                    "what it held before is treated as stale.",
                    self.name,
                    lasted,
                    count,
                )


def health_for(server):
    with _health_lock:
        if server not in _health:
            _health[server] = Health(_describe(server))
        return _health[server]


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = RedisCacheClient
        self.health = health_for(server if isinstance(server, str) else ",".join(server))

    def _soft(self, operation, default, method, *args, **kwargs):
        health = self.health
        if health.down and not health.try_recover(self):
            health.skipped()
            return default
        try:
            return method(*args, **kwargs)
        except RedisError as error:
            health.failed(operation, error)
            return default

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("add", False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._soft("get", default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._soft("set", None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._soft("delete", False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._soft("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._soft("has_key", False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        """As Django's (ValueError for a missing key), but None when Redis cannot be reached."""
        return self._soft("incr", None, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("set_many", list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._soft("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._soft("clear", False, super().clear)
