"""Health checks for the proxy, the container runtime and monitoring.

``/healthz``: the process answers (no database, no cache). ``/readyz``: the database answers,
every migration is applied, the file storage answers, and the cache (reported, but the site
keeps serving from the database without it: the cache accelerates, it never decides). JSON,
no secrets, never cached.
"""

import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _migrations():
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("unapplied migrations")


def _storage():
    bucket = getattr(default_storage, "bucket", None)  # object storage (core/storage.py)
    if bucket is not None:
        bucket.meta.client.head_bucket(Bucket=bucket.name)  # a missing key is not an error
    else:
        default_storage.exists("readyz-probe")


def _cache():
    token = uuid.uuid4().hex
    cache.set("readyz-probe", token, 10)
    if cache.get("readyz-probe") != token:
        raise RuntimeError("unreachable")


# name -> (check, whether the site cannot serve without it)
CHECKS = {
    "database": (_database, True),
    "migrations": (_migrations, True),
    "storage": (_storage, True),
    "cache": (_cache, False),
}


def run_checks():
    results, ready, degraded = {}, True, False
    for name, (check, required) in CHECKS.items():
        try:
            check()
        except Exception:  # what failed is reported by name only: no message, no secret
            results[name] = "fail"
            ready = ready and not required
            degraded = True
        else:
            results[name] = "ok"
    status = "ok" if not degraded else ("degraded" if ready else "fail")
    return ready, {"status": status, "checks": results}


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    ready, body = run_checks()
    return JsonResponse(body, status=200 if ready else 503)
