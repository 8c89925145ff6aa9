"""/healthz says the process answers; /readyz that the database, the migrations, the file
storage and the cache are there. JSON, never cached, nothing but names and states."""

import pytest

from core import cache as shared
from core import health
from tests.redis_server import free_port, redis_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="unknown.example.test")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_checks_database_migrations_storage_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "storage": "ok", "cache": "ok"},
    }
    assert "no-store" in response["Cache-Control"]
    # Twice: never answered from the page cache.
    assert client.get("/readyz")["Cache-Control"] == response["Cache-Control"]


def test_readyz_stays_ready_without_redis_but_says_so(client, settings, monkeypatch):
    monkeypatch.setattr(shared, "_health", {})
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
        "fragments": settings.CACHES["fragments"],
    }
    response = client.get("/readyz")
    assert response.status_code == 200  # pages come from the database meanwhile
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "fail"


def test_readyz_is_503_when_storage_fails_and_tells_no_secret(client, monkeypatch):
    def broken(name):
        raise OSError("s3://key:secret@bucket refused")

    monkeypatch.setattr(health.default_storage, "exists", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "fail",
        "checks": {"database": "ok", "migrations": "ok", "storage": "fail", "cache": "ok"},
    }
    assert b"secret" not in response.content
