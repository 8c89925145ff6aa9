"""Redis outage drill: the demo network under gunicorn keeps serving while Redis is down.

    .venv/bin/python bench/redis_outage.py [--duration 30] [--outage-at 10] [--outage 10]

1. A PostgreSQL database of its own (OUTAGE_DB, default ``cms_outage``: dropped and made
   again), migrated, with the demo network (``load_demo``) and the static files collected;
2. a redis-server of its own on a free loopback port (no persistence but SHUTDOWN SAVE);
3. gunicorn, production settings, 2 workers (WEB_CONCURRENCY=2), REDIS_URL to that Redis;
4. a few threads request public pages (central home, news hub with and without a filter, an
   article, search, a union's home) and, now and then, the admin with a logged-in session,
   for --duration seconds. At --outage-at Redis is shut down (saving what it holds) and,
   --outage seconds later, started again on the same port, holding the entries and counters
   it had before the outage. During the outage an article is published through the admin
   (a web worker) and another by a `manage.py shell` process that exits before Redis is back.
5. It counts requests, 5xx and X-Cache per phase (by when a request was sent: the few sent
   while Redis was shutting down or starting count as "before" or "outage" but met the other
   state), and every news hub answer after the outage that misses one of the two articles (a
   stale page), and prints the table (also written to var/outage/report.md).

Everything runs on 127.0.0.1; gunicorn's log is var/outage/gunicorn.log.
"""

import argparse
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

from ops.stack import Client, free_port, log, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "outage"
BIN = Path(sys.executable).parent
PY = sys.executable
PG = ["-h", os.environ.get("OUTAGE_PGHOST", "127.0.0.1"), "-U", "postgres"]
DB = os.environ.get("OUTAGE_DB", "cms_outage")
if DB in ("cms_ci", "cms_bench", "postgres"):
    raise SystemExit(f"OUTAGE_DB={DB}: choose a database of the drill's own")

WEB_TITLE = "Tin đăng qua trang quản trị khi Redis ngừng"
SHELL_TITLE = "Tin đăng bằng lệnh khi Redis ngừng"


class Redis:
    def __init__(self):
        self.port = free_port()
        self.directory = VAR / "redis"
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True)
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
                "--dir", str(self.directory), "--dbfilename", "dump.rdb",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, self.process, "redis-server")

    def keys(self):
        out = subprocess.run(
            ["redis-cli", "-p", str(self.port), "dbsize"], capture_output=True, text=True
        )
        return out.stdout.strip()

    def stop(self):
        """SHUTDOWN SAVE: it comes back holding what it held."""
        subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "save"], check=False)
        self.process.wait(timeout=30)
        self.process = None

    def kill(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()


def environment(redis_url, port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"postgres://postgres@{PG[1]}:5432/{DB}",
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX="outage",
        SECRET_KEY="outage-drill-not-secret",
        ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
        MEDIA_ROOT=str(VAR / "media"),
        STATIC_ROOT=str(VAR / "static"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        SECURE_COOKIES="0",
        WEB_CONCURRENCY="2",
        LOG_LEVEL="WARNING",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    env.pop("GUNICORN_CMD_ARGS", None)
    return env


def prepare(env, port):
    def run(cmd, **kwargs):
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, **kwargs)

    psql = ["psql", *PG, "-d", "postgres", "-q", "-c"]
    run([*psql, f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)'])
    run([*psql, f'CREATE DATABASE "{DB}"'])
    shutil.rmtree(VAR / "media", ignore_errors=True)
    run([PY, "manage.py", "migrate", "--noinput", "-v", "0"])
    run([PY, "manage.py", "load_demo", "--port", str(port)])
    run([PY, "manage.py", "collectstatic", "--noinput", "-v", "0"])


def django_setup(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def publish_through_admin(client, host, column_id):
    from tests.forms import article_form

    path = f"/admin/pages/add/blog/articlepage/{column_id}/"
    # Newer than every demo article: first on the news hub.
    data = article_form(WEB_TITLE, date="10/03/2024", **{"action-publish": "publish"})
    data["csrfmiddlewaretoken"] = client.csrf(host, path)
    response, _ = client.request(
        "POST",
        host,
        path,
        urllib.parse.urlencode(data),
        {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://{host}{path}"},
    )
    return response.status


SHELL_CODE = f"""
import datetime
from blog.models import ArticlePage, ColumnPage
column = ColumnPage.objects.live().filter(slug__isnull=False).order_by("-path").first()
page = ArticlePage(title={SHELL_TITLE!r}, slug="tin-dang-bang-lenh-" + {secrets.token_hex(3)!r},
    date=datetime.date(2024, 3, 10), kind="news", intro="")
column.add_child(instance=page)
page.save_revision().publish()
print("published", page.pk)
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--outage-at", type=float, default=10)
    parser.add_argument("--outage", type=float, default=10)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)

    VAR.mkdir(parents=True, exist_ok=True)
    redis = Redis()
    redis.start()
    port = free_port()
    env = environment(redis.url, port)
    log(f"Preparing {DB} (migrate, demo network, static files)…")
    prepare(env, port)
    django_setup(env)
    from blog.models import ArticlePage, ColumnPage, NewsHubPage

    central = f"localhost:{port}"
    hub = NewsHubPage.objects.live().first().get_url_parts()[2]
    article = ArticlePage.objects.live().order_by("-date").first()
    article_site = article.get_site()
    union_host = f"{article_site.hostname}:{port}"
    column_id = ColumnPage.objects.live().filter(path__startswith=article_site.root_page.path)[0].pk
    targets = [
        ("central home", central, "/"),
        ("news hub", central, hub),
        ("news hub, filtered", central, f"{hub}?union={article_site.union.slug}"),
        ("article", union_host, article.get_url_parts()[2]),
        ("search", central, "/tim-kiem/?q=tet+sum+vay"),
        ("union home", union_host, "/"),
    ]

    gunicorn_log = open(VAR / "gunicorn.log", "wb")  # noqa: SIM115
    gunicorn = subprocess.Popen(
        [str(BIN / "gunicorn"), "cms.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=gunicorn_log, stderr=gunicorn_log,
    )  # fmt: skip
    try:
        wait_for_port(port, gunicorn, "gunicorn")
        admin = Client(port)
        admin.login(central, "admin", "CongDoan@2024")
        results = drill(args, port, targets, admin, redis, column_id, env)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        redis.kill()
        gunicorn_log.close()
    report(args, results, targets)


def drill(args, port, targets, admin, redis, column_id, env):
    records = []  # (seconds since start, name, status, x-cache, ms, stale)
    events = {}
    published = []  # titles published so far (checked on the hub after the outage)
    stop = threading.Event()
    start = time.monotonic()
    lock = threading.Lock()

    def reader(index):
        client = Client(port)
        n = index
        while not stop.is_set():
            n += 1
            if index == 0 and n % 10 == 0:
                name, host, path, who = "admin", targets[0][1], "/admin/", admin
            else:
                name, host, path = targets[n % len(targets)]
                who = client
            began = time.monotonic()
            try:
                with lock if who is admin else _Null():
                    response, content = who.request("GET", host, path)
                status, state = response.status, response.headers.get("X-Cache", "")
            except OSError:
                status, state, content = 599, "", b""
            now = time.monotonic()
            stale = None
            if name == "news hub" and "restarted" in events and began > events["restarted"]:
                text = content.decode(errors="replace")
                stale = any(title not in text for title in published)
            records.append((began - start, name, status, state, (now - began) * 1000, stale))

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.threads)]
    for thread in threads:
        thread.start()

    time.sleep(args.outage_at)
    keys_before = redis.keys()
    redis.stop()
    events["stopped"] = time.monotonic()
    log(f"{time.monotonic() - start:5.1f} s  Redis stopped (SHUTDOWN SAVE, {keys_before} keys)")
    time.sleep(1)
    with lock:
        began = time.monotonic()
        status = publish_through_admin(admin, targets[0][1], column_id)
        events["web publish"] = (status, (time.monotonic() - began) * 1000)
    log(f"{time.monotonic() - start:5.1f} s  admin publish answered {status}")
    began = time.monotonic()
    shell = subprocess.run(
        [PY, "manage.py", "shell", "-c", SHELL_CODE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    said = [line for line in shell.stdout.splitlines() if line.startswith("published")]
    said = said or [shell.stderr.strip()[-300:]]
    events["shell publish"] = (shell.returncode, (time.monotonic() - began) * 1000, *said[-1:])
    log(f"{time.monotonic() - start:5.1f} s  manage.py shell publish exited {shell.returncode}")
    published.extend([WEB_TITLE, SHELL_TITLE])

    time.sleep(max(0, events["stopped"] + args.outage - time.monotonic()))
    redis.start()
    events["restarted"] = time.monotonic()
    log(f"{time.monotonic() - start:5.1f} s  Redis started again ({redis.keys()} keys reloaded)")

    time.sleep(max(0, start + args.duration - time.monotonic()))
    stop.set()
    for thread in threads:
        thread.join()
    events["start"] = start
    return records, events


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def report(args, results, targets):
    records, events = results
    start = events["start"]
    stopped, restarted = events["stopped"] - start, events["restarted"] - start

    def phase(t):
        return "before" if t < stopped else "outage" if t < restarted else "after"

    by_phase = defaultdict(list)
    for record in records:
        by_phase[phase(record[0])].append(record)
    lines = [
        f"Redis outage drill: gunicorn 2 workers, {args.threads} reader threads, "
        f"{args.duration:.0f} s; Redis down from {stopped:.1f} s to {restarted:.1f} s "
        f"(SHUTDOWN SAVE, started again holding its data).",
        "",
        "| phase | requests | 5xx | other errors | X-Cache | median ms | p99 ms |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for name in ("before", "outage", "after"):
        rows = by_phase[name]
        if not rows:
            continue
        fives = sum(1 for r in rows if 500 <= r[2] < 600)
        other = sum(1 for r in rows if r[2] >= 400 and not 500 <= r[2] < 600)
        states = Counter(r[3] or "-" for r in rows)
        ms = sorted(r[4] for r in rows)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        lines.append(
            f"| {name} | {len(rows)} | {fives} | {other} | "
            + ", ".join(f"{k} {v}" for k, v in states.most_common())
            + f" | {statistics.median(ms):.1f} | {p99:.1f} |"
        )
    lines += ["", "Answers other than HIT, by page and phase:", ""]
    for name in ("before", "outage", "after"):
        misses = Counter((r[1], r[3] or "-") for r in by_phase[name] if r[3] != "HIT")
        lines.append(
            f"- {name}: " + ", ".join(f"{page} {state} {n}" for (page, state), n in misses.items())
        )
    total = len(records)
    fives = sum(1 for r in records if 500 <= r[2] < 600)
    admin = [r for r in records if r[1] == "admin"]
    hub_after = [r for r in records if r[5] is not None]
    stale = sum(1 for r in hub_after if r[5])
    web_status, web_ms = events["web publish"]
    shell_code, shell_ms, *shell_out = events["shell publish"]
    log_text = (VAR / "gunicorn.log").read_text(errors="replace")
    lines += [
        "",
        f"- all requests: {total}, 5xx: {fives}",
        f"- admin page (/admin/, logged in): {len(admin)} requests, "
        f"statuses {dict(Counter(r[2] for r in admin))}",
        f"- publish through the admin during the outage: HTTP {web_status} in {web_ms:.0f} ms",
        f"- publish by `manage.py shell` during the outage: exit {shell_code} in "
        f"{shell_ms:.0f} ms ({' '.join(shell_out)})",
        f"- news hub answers after Redis came back: {len(hub_after)}, stale (missing an "
        f"article published during the outage): {stale}",
        f"- gunicorn log: {log_text.count('unreachable')} 'unreachable' warnings, "
        f"{log_text.count('reachable again')} 'reachable again', "
        f"{log_text.count('Traceback')} tracebacks",
    ]
    text = "\n".join(lines)
    (VAR / "report.md").write_text(text + "\n")
    log()
    log(text)


if __name__ == "__main__":
    main()
