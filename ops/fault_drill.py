"""`make fault-drill`: the production stack (ops/stack.py) under bounded load through nginx
while things break, with an editor saving pages throughout.

    .venv/bin/python -m ops.fault_drill [--duration 60] [--readers 4]

Timeline (fractions of --duration): at 1/6 one gunicorn worker is killed (SIGKILL); from 2/6
Redis is down for --redis-outage seconds (killed, then started again empty); at 4/6 every
database connection of the application is terminated (pg_terminate_backend). Readers request
public pages, feeds, search and image renditions through nginx; an approver saves a new draft
article through the admin every half second.

It prints the requests and 5xx in each phase, how long each fault showed (first to last failed
request after it), and whether every save the admin acknowledged (302) is in the database.
Targets: no 5xx while Redis is down; after a worker dies, no more 5xx than requests were in
flight; no acknowledged save lost. Exit status 1 if one is missed.
"""

import argparse
import itertools
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from ops.stack import ROOT, Client, Stack, django_setup, log

PASSWORD = "CongDoan@2024"
PREFIX = "Diễn tập sự cố: bản nháp số"


def targets(stack):
    from blog.models import ArticlePage, NewsHubPage

    central = stack.host("localhost")
    hub = NewsHubPage.objects.live().first().get_url_parts()[2]
    article = ArticlePage.objects.live().exclude(lead_image=None).order_by("-date").first()
    site = article.get_site()
    union = stack.host(site.hostname)
    rendition = article.lead_image.get_rendition("fill-480x270-c100|format-jpeg").url
    return [
        ("central home", central, "/"),
        ("news hub", central, hub),
        ("news hub, page 3", central, f"{hub}?page=3"),
        ("union home", union, "/"),
        ("article", union, article.get_url_parts()[2]),
        ("search", central, "/tim-kiem/?q=tet+sum+vay"),
        ("feed", central, "/feeds/toan-mang/rss.xml"),
        ("rendition", union, rendition),
    ], site


def drill(stack, args):
    from blog.models import ColumnPage
    from tests.forms import article_form

    pages, site = targets(stack)
    column = ColumnPage.objects.live().descendant_of(site.root_page).first()
    writer_host = stack.host(site.hostname)
    add_path = f"/admin/pages/add/blog/articlepage/{column.pk}/"
    records = []  # (sent at, finished at, who, name, status)
    acknowledged, refused = [], []
    events = []
    stop = threading.Event()
    in_flight = Counter()
    lock = threading.Lock()
    start = time.monotonic()

    def request(client, who, name, method, host, path, data=None):
        sent = time.monotonic()
        with lock:
            in_flight[who] += 1
        try:
            if data is None:
                response, _ = client.request(method, host, path)
            else:
                response, _ = client.post_form(host, path, data)
            status = response.status
        except OSError:
            status = 599  # no answer at all
            client.connection = None
        finally:
            with lock:
                in_flight[who] -= 1
        records.append((sent - start, time.monotonic() - start, who, name, status))
        return status

    def reader(index):
        client = Client(stack.nginx_port, timeout=20)
        n = index
        while not stop.is_set():
            name, host, path = pages[n % len(pages)]
            n += 1
            request(client, f"reader-{index}", name, "GET", host, path)

    def writer():
        client = Client(stack.nginx_port, timeout=20)
        client.login(writer_host, f"duyet.{site.union.slug}", PASSWORD)
        n = 0
        while not stop.is_set():
            n += 1
            title = f"{PREFIX} {n}"
            try:
                status = request(client, "writer", "admin save", "POST", writer_host, add_path,
                                 article_form(title, date="11/03/2024"))  # fmt: skip
            except Exception:  # the form page itself failed to load: not acknowledged
                status = 0
                client.connection = None
            (acknowledged if status == 302 else refused).append((title, status))
            time.sleep(0.5)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    threads.append(threading.Thread(target=writer))
    for thread in threads:
        thread.start()

    def at(fraction):
        time.sleep(max(0, start + args.duration * fraction - time.monotonic()))
        return time.monotonic() - start

    def note(name, t, detail=""):
        with lock:
            flying = sum(in_flight.values())
        events.append((name, t, flying))
        log(f"{t:5.1f} s  {name}{detail} ({flying} requests in flight)")

    t = at(1 / 6)
    worker = stack.app_workers(0)[0]
    os.kill(worker, signal.SIGKILL)
    note("worker killed", t, f": pid {worker} of gunicorn-1")

    t = at(2 / 6)
    stack.stop_redis()
    note("Redis down", t)
    time.sleep(args.redis_outage)
    stack.start_redis()
    note("Redis back", time.monotonic() - start)

    t = at(4 / 6)
    result = stack.psql(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
        f"WHERE datname = '{stack.db_name}' AND pid <> pg_backend_pid()"
    )
    killed = result.stdout.split()[-3] if result.stdout else "?"
    note("database connections terminated", t, f": {killed}")

    at(1)
    stop.set()
    for thread in threads:
        thread.join()
    return records, events, acknowledged, refused


def report(args, records, events, acknowledged, refused):
    from django.db import connection

    from blog.models import ArticlePage

    connection.close()  # this process's own connection was terminated with the others

    times = {name: t for name, t, _ in events}
    flying = {name: n for name, _, n in events}
    faults = ["worker killed", "Redis down", "Redis back", "database connections terminated"]
    bounds = [("before", 0.0)] + [(name, times[name]) for name in faults] + [("end", 1e9)]

    def failed(r):
        return r[4] >= 500

    lines = [
        f"Fault drill: nginx → 2 gunicorn × 2 workers, {args.readers} readers + 1 admin writer, "
        f"{args.duration:.0f} s; requests counted in the phase in which they ended.",
        "",
        "| phase | from s | requests | 5xx or none | in flight at the fault | last failure after |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    outcome = {}
    for (name, begin), (_, end) in itertools.pairwise(bounds):
        rows = [r for r in records if begin <= r[1] < end]
        bad = [r for r in rows if failed(r)]
        shown = f"{max(r[1] for r in bad) - begin:.1f} s" if bad else "–"
        outcome[name] = (len(rows), len(bad), flying.get(name, 0))
        at_fault = flying.get(name, "")
        lines.append(f"| {name} | {begin:.1f} | {len(rows)} | {len(bad)} | {at_fault} | {shown} |")
    failures = [r for r in records if failed(r)]
    if failures:
        lines += ["", "Failed requests (sent s, ended s, by, page, status):"]
        lines += [f"- {r[0]:.2f}, {r[1]:.2f}, {r[2]}, {r[3]}, {r[4]}" for r in failures[:20]]
    total = len(records)
    bad_total = sum(1 for r in records if failed(r))
    saved = set(
        ArticlePage.objects.filter(title__startswith=PREFIX).values_list("title", flat=True)
    )
    lost = [title for title, _ in acknowledged if title not in saved]
    statuses = Counter(status for _, status in refused)
    lines += [
        "",
        f"All: {total} requests, {bad_total} 5xx or unanswered "
        f"({sum(1 for r in records if r[2] == 'writer')} by the writer).",
        f"Admin saves: {len(acknowledged)} acknowledged, {len(refused)} refused "
        f"({dict(statuses) or 'none'}); acknowledged but missing afterwards: {len(lost)}.",
    ]
    targets = [
        ("no 5xx while Redis was down", outcome["Redis down"][1] == 0),
        (
            "after the worker died, no more 5xx than requests in flight",
            outcome["worker killed"][1] <= outcome["worker killed"][2],
        ),
        (
            "after the database dropped its connections, no more 5xx than requests in flight",
            outcome["database connections terminated"][1]
            <= outcome["database connections terminated"][2],
        ),
        ("no acknowledged save lost", not lost),
        ("the writer saved throughout", len(acknowledged) >= args.duration / 2),
    ]
    lines += ["", *[f"- {'met' if ok else 'MISSED'}: {name}" for name, ok in targets]]
    text = "\n".join(lines)
    log("\n" + text)
    out = ROOT / "var" / "fault-drill.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text + "\n")
    return all(ok for _, ok in targets)


def arguments(parser, duration=60):
    parser.add_argument("--duration", type=float, default=duration)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--redis-outage", type=float, default=10)


def run(stack, args):
    """The drill on a running stack; True when every target is met."""
    if args.redis_outage >= args.duration / 3:
        raise SystemExit("--redis-outage must be shorter than a third of --duration")
    records, events, acknowledged, refused = drill(stack, args)
    return report(args, records, events, acknowledged, refused)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments(parser)
    parser.add_argument("--work", default=str(ROOT / "var" / "faultdrill"))
    args = parser.parse_args(argv)
    database = os.environ.get(
        "DRILL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cms_faultdrill"
    )
    with Stack(Path(args.work), database=database) as stack:
        django_setup(stack.env())
        ok = run(stack, args)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
