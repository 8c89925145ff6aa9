"""core.cache.RedisCache: Django's Redis backend with one client per pool, against a real Redis
(127.0.0.1:6379, database 15; skipped when none answers)."""

import os
import signal
import socket
import time

import pytest

from core.cache import RedisCache
from tests.redis_server import redis_server  # noqa: F401  (fixture)

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


def test_an_unreachable_redis_is_a_miss_not_an_error(caplog, monkeypatch):
    from core import cache as shared
    from tests.redis_server import free_port

    monkeypatch.setattr(shared, "_health", {})
    backend = RedisCache(f"redis://127.0.0.1:{free_port()}/0", {})  # nothing listens there
    started = time.monotonic()
    with shared.watch() as outcome:
        for _ in range(50):  # as many requests would
            assert backend.get("a") is None and backend.get("a", 5) == 5
            assert backend.get_many(["a", "b"]) == {}
            assert backend.add("a", 1) is False
            backend.set("a", 1)
            assert backend.incr("a") is None
            assert backend.delete("a") is False
            assert backend.has_key("a") is False
            assert backend.get_or_set("b", 3) == 3
            assert backend.set_many({"a": 1}) == ["a"]
            backend.delete_many(["a"])
    assert outcome.failed and not shared.available(backend)
    assert time.monotonic() - started < 2
    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()
    assert "127.0.0.1" in warnings[0].getMessage()


def test_a_hung_redis_costs_a_quarter_of_a_second_then_nothing(redis_server, monkeypatch):  # noqa: F811
    from core import cache as shared

    monkeypatch.setattr(shared, "_health", {})
    monkeypatch.setattr(shared, "RETRY_AFTER", 0.5)
    recovered = []
    monkeypatch.setattr(shared, "_recovery_hooks", [lambda: recovered.append(True)])
    backend = RedisCache(redis_server.url, {})
    backend.set("a", 1)
    redis_server.process.send_signal(signal.SIGSTOP)  # accepts connections, never answers
    try:
        started = time.monotonic()
        assert backend.get("a") is None
        assert 0.2 <= time.monotonic() - started < 1
        started = time.monotonic()
        for _ in range(100):  # left alone for RETRY_AFTER: no waiting at all
            assert backend.get("a") is None
        assert time.monotonic() - started < 0.2
    finally:
        redis_server.process.send_signal(signal.SIGCONT)
    time.sleep(0.5)
    assert backend.get("a") == 1
    assert recovered == [True]  # the recovery functions ran once, before that read
