"""Server-side cost of each public page type, in-process (Django's test client, DEBUG off).

    python -m bench.measure --requests 30 --json var/bench/measure.json

For each page type: SQL queries of one request, median and 95th percentile of the server
time over ``--requests`` requests, uncached (page cache off) and cached (page cache on and
answering ``X-Cache: HIT``; "n/a" without the ``pagecache`` app), and the response size.
Every page must answer 200. Also writes the addresses used by the load test and the hub's
bytes (for the ceiling view).
"""

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


# A page slower than this (ms) is timed twice only, checked for folding and loaded not at all.
SLOW_MS = 2000


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def page_types():
    """(name, host, path) of one page of every public type, found in the built network."""
    from blog.models import ArticlePage, ColumnPage, NewsHubPage
    from campaigns.models import CampaignHubPage
    from sites.models import Union

    central = Union.objects.select_related("site__root_page").get(is_central=True)
    hub = NewsHubPage.objects.live().descendant_of(central.home_page).first()
    union = (
        Union.objects.filter(is_central=False, is_active=True)
        .select_related("site__root_page")
        .order_by("-pk")
        .first()
    )
    column = ColumnPage.objects.live().child_of(union.home_page).filter(numchild__gt=0).first()
    article = ArticlePage.objects.live().child_of(column).order_by("-path").first()
    campaign_hub = (
        CampaignHubPage.objects.live()
        .descendant_of(central.home_page)
        .filter(campaign__slug="tet-sum-vay-xuan-chia-se")
        .first()
    ) or CampaignHubPage.objects.live().first()
    central_host = central.site.hostname
    union_host = union.site.hostname
    hub_path = hub.url_path[len(central.home_page.url_path) - 1 :]
    campaign_slug = campaign_hub.campaign.slug
    return [
        ("central home", central_host, "/"),
        ("news hub, page 1", central_host, hub_path),
        ("news hub, page 50", central_host, f"{hub_path}?page=50"),
        (
            "news hub with filters",
            central_host,
            f"{hub_path}?union={union.slug}&campaign={campaign_slug}",
        ),
        ("union home", union_host, "/"),
        ("column", union_host, column.url_path[len(union.home_page.url_path) - 1 :]),
        ("article", union_host, article.url_path[len(union.home_page.url_path) - 1 :]),
        (
            "campaign hub",
            central_host,
            campaign_hub.url_path[len(central.home_page.url_path) - 1 :],
        ),
        ("network search", central_host, "/tim-kiem/?q=tet+sum+vay"),
        ("network feed", central_host, "/feeds/toan-mang/rss.xml"),
    ]


def has_page_cache():
    from django.conf import settings

    return "pagecache" in settings.INSTALLED_APPS or any(
        "pagecache" in m for m in settings.MIDDLEWARE
    )


def get(client, host, path):
    started = time.perf_counter()
    response = client.get(path, HTTP_HOST=host)
    elapsed = (time.perf_counter() - started) * 1000
    return response, elapsed


# Requests profiled (uncached) to count the Python function calls of one: the work a page
# does, which unlike its time does not move with the machine's load (the --scale table).
CALL_SAMPLES = 3


def python_calls(client, host, path):
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(CALL_SAMPLES):
        get(client, host, path)
    profiler.disable()
    return pstats.Stats(profiler).total_calls // CALL_SAMPLES


def measure(host, path, requests, cached):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    with override_settings(PAGE_CACHE_ENABLED=cached):
        # A new client loads the middleware under these settings (the page cache middleware
        # reads PAGE_CACHE_ENABLED once, when it is loaded).
        client = Client()
        if not cached:
            cache.clear()
        response, first = get(client, host, path)  # warm up: renditions, templates, connection
        times, statuses = [], {response.status_code}
        if first > SLOW_MS:
            # Too slow to repeat: the warm-up and one more request are the samples.
            requests, times = 0, [first]
        with CaptureQueriesContext(connection) as queries:
            response, elapsed = get(client, host, path)
        query_count = len(queries.captured_queries)  # before later requests reset the log
        if not requests:
            times.append(elapsed)
        sql = [0.0]

        def timed(execute, *args):
            started = time.perf_counter()
            try:
                return execute(*args)
            finally:
                sql[-1] += (time.perf_counter() - started) * 1000

        with connection.execute_wrapper(timed):
            for _ in range(requests):
                response, elapsed = get(client, host, path)
                times.append(elapsed)
                statuses.add(response.status_code)
                sql.append(0.0)
        calls = python_calls(client, host, path) if not cached and requests else None
    return {
        "samples": len(times),
        "queries": query_count,
        "python_calls": calls,
        "sql_ms": statistics.median(sql[:-1]) if len(sql) > 1 else None,
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "bytes": len(response.content),
        "status": sorted(statuses),
        "x_cache": response.headers.get("X-Cache", ""),
    }


def check_search():
    """The network search finds articles whatever the diacritics: folded and accented queries
    give the same non-zero number of results."""
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # records the template context of each response
    client = Client()
    counts = {}
    for query in ("tet sum vay", "Tết Sum vầy", "TẾT SUM VẦY"):
        response = client.get("/tim-kiem/", {"q": query}, HTTP_HOST="localhost")
        assert response.status_code == 200, (query, response.status_code)
        page = response.context["results_page"] if response.context else None
        counts[query] = page.paginator.count if page is not None else None
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--json", default="var/bench/measure.json")
    parser.add_argument("--hub-file", default="var/bench/hub.html")
    args = parser.parse_args(argv)
    django.setup()

    from django.conf import settings
    from django.test import Client

    from blog.models import ArticlePage
    from sites.models import Union

    cache_app = has_page_cache()
    rows = []
    pages = page_types()
    warm = Client()
    for _ in range(3):  # renditions, templates and connections of every page type first
        for _name, host, path in pages:
            warm.get(path, HTTP_HOST=host)
    for name, host, path in pages:
        row = {"name": name, "host": host, "path": path}
        row["uncached"] = measure(host, path, args.requests, cached=False)
        if row["uncached"]["status"] != [200]:
            raise SystemExit(f"{name} {host}{path} answered {row['uncached']['status']}")
        if cache_app:
            row["cached"] = measure(host, path, args.requests, cached=True)
            if row["cached"]["x_cache"] != "HIT":
                row["cached"]["note"] = f"X-Cache: {row['cached']['x_cache'] or 'missing'}"
        else:
            row["cached"] = None
        rows.append(row)
        cached = row["cached"]
        print(
            f"  {name:24} {row['uncached']['queries']:3} queries "
            f"{row['uncached']['median_ms']:7.1f} ms median"
            + (f", cached {cached['median_ms']:.2f} ms ({cached['x_cache']})" if cached else ""),
            flush=True,
        )
    hub = next(r for r in rows if r["name"] == "news hub, page 1")
    response = Client().get(hub["path"], HTTP_HOST=hub["host"])
    Path(args.hub_file).parent.mkdir(parents=True, exist_ok=True)
    Path(args.hub_file).write_bytes(response.content)
    search_row = next(r for r in rows if r["name"] == "network search")
    if search_row["uncached"]["median_ms"] > SLOW_MS:
        search = {"skipped": "search too slow to repeat"}
    else:
        try:
            search = check_search()
        except Exception as error:  # reported, not fatal: the table says what is known
            search = {"error": str(error)}
    result = {
        "page_cache": cache_app,
        "debug": settings.DEBUG,
        "requests": args.requests,
        "unions": Union.objects.filter(is_central=False).count(),
        "articles": ArticlePage.objects.live().count(),
        "slow_ms": SLOW_MS,
        "rows": rows,
        "search_folding": search,
    }
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
