"""cms.cache.RedisCache: Django's Redis backend with one client per pool, against a real Redis
(127.0.0.1:6379, database 15; skipped when none answers)."""

import os
import socket

import pytest

from cms.cache import RedisCache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def cache():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    backend = RedisCache(REDIS_URL, {"KEY_PREFIX": "cms-test-cache"})
    backend.clear()
    yield backend
    backend.clear()


def test_the_backend_works_and_reuses_one_client(cache):
    cache.set("a", {"x": 1})
    assert cache.get("a") == {"x": 1}
    assert cache.add("n", 1) and not cache.add("n", 5)
    assert cache.incr("n") == 2
    assert cache.get_many(["a", "n", "missing"]) == {"a": {"x": 1}, "n": 2}
    cache.delete("a")
    assert cache.get("a") is None

    client = cache._cache
    assert client.get_client() is client.get_client(write=True)
