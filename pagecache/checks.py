"""A per-process cache cannot serve several web processes: what one process clears (a page
made private, a union taken offline, a new site address in Wagtail's cached site paths), the
others keep. With several processes and no shared cache (REDIS_URL), the site refuses to
start: an ERROR here, which `manage.py check`/`migrate` report and cms/wsgi.py raises when
the web process loads."""

import os
import re

from django.conf import settings
from django.core import checks
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

PROCESS_LOCAL = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def web_processes():
    """How many web processes the deployment says it runs (1 if it says nothing):
    WEB_CONCURRENCY (the Dockerfile's gunicorn workers) or gunicorn's --workers/-w in
    GUNICORN_CMD_ARGS."""
    counts = []
    if (value := os.environ.get("WEB_CONCURRENCY", "").strip()).isdigit():
        counts.append(int(value))
    args = os.environ.get("GUNICORN_CMD_ARGS", "")
    counts += [int(n) for n in re.findall(r"(?:--workers[= ]|-w ?)(\d+)", args)]
    return max(counts, default=1)


@register(Tags.caches)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PROCESS_LOCAL:
        return []
    processes = web_processes()
    if processes > 1:
        return [
            Error(
                f"{processes} web processes (WEB_CONCURRENCY or gunicorn --workers) share no "
                "cache: the default cache is per process, so a change made in one process "
                "(a page made private, a union taken offline, a site's address) is not seen "
                "by the others.",
                hint="Set REDIS_URL to a Redis every process uses, or run one process "
                "(WEB_CONCURRENCY=1).",
                id="pagecache.E001",
            )
        ]
    if settings.PAGE_CACHE_ENABLED:
        return [
            Warning(
                "The page cache uses a per-process cache.",
                hint="Set REDIS_URL when more than one process serves the site, or "
                "PAGE_CACHE_ENABLED=false.",
                id="pagecache.W001",
            )
        ]
    return []


def refuse_to_start():
    """Raise if a cache check fails (for the web process, which runs no checks itself)."""

    errors = [m for m in checks.run_checks(tags=[Tags.caches]) if m.is_serious()]
    if errors:
        raise ImproperlyConfigured("\n".join(f"{e}\nHINT: {e.hint}" for e in errors))
