"""Security headers: every public page under a strict Content-Security-Policy (no inline
script, its one inline style by hash, the same policy when served from the page cache), the
admin under its own; Permissions-, Referrer- and Cross-Origin-Opener-Policy; production's
settings pass `check --deploy` with the documented environment and trust X-Forwarded-Proto
only behind a configured proxy."""

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import host

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_have_a_strict_policy_with_their_style_by_hash(client, network, settings):
    settings.PAGE_CACHE_ENABLED = True
    first = client.get("/", HTTP_HOST=host(network.a))
    assert first.status_code == 200
    policy = directives(first["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    html = first.content.decode()
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert styles, "the brand colour's inline style"
    for css in styles:
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["style-src"]
    # No inline script: every <script> has a src (or is data, not code).
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attrs or "application/ld+json" in attrs or "application/json" in attrs
    assert "camera=()" in first["Permissions-Policy"]
    assert first["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert first["Cross-Origin-Opener-Policy"] == "same-origin"

    again = client.get("/", HTTP_HOST=host(network.a))
    assert again["X-Cache"] == "HIT"
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    # Another site, another brand colour: its own hash.
    other = client.get("/", HTTP_HOST=host(network.b))
    assert other["Content-Security-Policy"]


def test_the_admin_has_its_own_policy(client, network):
    client.force_login(get_user_model().objects.create_superuser("admin-csp", password="x"))
    response = client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


def production(env, code):
    # A clean environment, as a server has: nothing the test run set (browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses).
    kept = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    environment = {
        **{name: os.environ[name] for name in kept if name in os.environ},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-production-secret-key-for-the-check-only-0123456789-abcdefg",
        "ALLOWED_HOSTS": ".example.vn",
        "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_check_deploy_passes_with_the_documented_environment():
    result = production(
        {
            "SECURE_SSL_REDIRECT": "1",
            "TRUSTED_PROXY_COUNT": "1",
            "REDIS_URL": "redis://127.0.0.1:6379/9",
        },
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("proxies,trusted", [("0", "False"), ("1", "True")])
def test_x_forwarded_proto_is_believed_only_behind_a_configured_proxy(proxies, trusted):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(bool(settings.SECURE_PROXY_SSL_HEADER), settings.SECURE_HSTS_SECONDS > 0)"
    )
    result = production({"TRUSTED_PROXY_COUNT": proxies}, ["-c", code])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [trusted, "True"]


def test_files_and_feeds_go_without_a_page_policy(client, network):
    feed = client.get("/feeds/toan-mang/rss.xml", HTTP_HOST=host(network.central))
    assert feed.status_code == 200 and "Content-Security-Policy" not in feed
    assert client.get("/healthz").get("Content-Security-Policy") is None
