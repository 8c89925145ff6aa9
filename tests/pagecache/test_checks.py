"""Several web processes on a per-process cache are refused at start-up (pagecache.E001); one
process, or a shared cache, starts (CI runs `manage.py check` with production settings and no
REDIS_URL)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pagecache.checks import shared_cache

ROOT = Path(__file__).resolve().parents[2]
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "core.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}


@pytest.fixture
def production(settings, monkeypatch):
    settings.DEBUG = False
    for name in ("WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"):
        monkeypatch.delenv(name, raising=False)
    return settings


def ids(messages):
    return [m.id for m in messages]


@pytest.mark.parametrize(
    "env",
    [
        {"WEB_CONCURRENCY": "2"},
        {"GUNICORN_CMD_ARGS": "--bind :8000 --workers 4"},
        {"GUNICORN_CMD_ARGS": "-w3"},
    ],
)
def test_several_processes_on_a_per_process_cache_is_an_error(production, monkeypatch, env):
    production.CACHES = LOCMEM
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    messages = shared_cache(None)
    assert ids(messages) == ["pagecache.E001"]
    assert messages[0].is_serious()
    assert "REDIS_URL" in messages[0].hint


@pytest.mark.parametrize("env", [{}, {"WEB_CONCURRENCY": "1"}, {"GUNICORN_CMD_ARGS": "-w 1"}])
def test_one_process_on_a_per_process_cache_is_only_warned_about(production, monkeypatch, env):
    production.CACHES = LOCMEM
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert ids(shared_cache(None)) == ["pagecache.W001"]


def test_several_processes_on_redis_pass(production, monkeypatch):
    production.CACHES = REDIS
    monkeypatch.setenv("WEB_CONCURRENCY", "8")
    assert shared_cache(None) == []


def run(args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "WEB_CONCURRENCY")}
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="ci-check-only-0123456789abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="example.org",
        **env,
    )
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_manage_py_check_under_production_settings_both_ways():
    # As CI runs it: no REDIS_URL, no WEB_CONCURRENCY.
    ok = run(["manage.py", "check"])
    assert ok.returncode == 0, ok.stderr
    refused = run(["manage.py", "check"], WEB_CONCURRENCY="2")
    assert refused.returncode != 0
    assert "pagecache.E001" in refused.stderr and "REDIS_URL" in refused.stderr
    shared = run(["manage.py", "check"], WEB_CONCURRENCY="2", REDIS_URL="redis://127.0.0.1:1/0")
    assert shared.returncode == 0, shared.stderr


def test_the_web_process_refuses_to_start():
    code = "import cms.wsgi"
    assert run(["-c", code]).returncode == 0
    refused = run(["-c", code], WEB_CONCURRENCY="3")
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "pagecache.E001" in refused.stderr
