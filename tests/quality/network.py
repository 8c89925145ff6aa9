"""The demo network for the quality check: built in its own temporary SQLite database,
served on a free port, and its public page types discovered from the running site.

Used by tests/quality/conftest.py and by `make screenshots` (tests/quality/screenshots.py).
Nothing here touches the pytest test database, var/db.sqlite3 or var/media.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.browser import CHROMIUM, chromium_missing

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
WIDTHS = (375, 1280)
SEARCH_QUERY = "tet"

# Every public page type, in the order of the report. `optional` pages are being built
# elsewhere: a 404 there means "not built yet" and the check skips them.
PAGE_TYPES = {
    "central-home": "central site's home page",
    "union-home": "a union's home page",
    "news-hub": "news hub (/tin-cac-cong-doan/)",
    "column": "a column page",
    "article": "an article page",
    "document": "the guidance 25/HD-CĐVC (document page)",
    "search-central": f"search on the central site (/tim-kiem/?q={SEARCH_QUERY})",
    "search-union": f"search on a union's site (/tim-kiem/?q={SEARCH_QUERY})",
    "directory": "union directory (/cac-cong-doan/)",
    "campaign-hub": "a campaign hub (chuyên trang)",
    "campaign-review": "the 10-year review's hub, with its timeline and figures across years",
    "poster-print": "a poster's print view with its QR code",
    "event": "an event page (activities), linked from a union's home",
    "press": "a press coverage page (activities), listed in a union's sitemap",
    "not-found": "404 page",
    "english-home": "the central site's English home (/en/), from the language switch",
    "english-article": "an English article (a union's English edition)",
    "english-hub": "the English news hub (/en/network-news/), with its filters",
    "english-search": "search on an English page (/en/search/?q=tet)",
    "about": "the centre's page about the organisation (/gioi-thieu/)",
    "english-about": "the same page in English (/en/about-us/)",
}
OPTIONAL = {"search-central", "search-union", "directory"}


def missing_tools(need_node_modules=True):
    """What the check needs and the machine lacks, as messages (empty when all is there)."""
    missing = []
    if chromium_missing():
        missing.append(f"Chromium is missing at {CHROMIUM} (`make test` as root installs it)")
    if need_node_modules:
        if not shutil.which("java"):
            missing.append("java is missing (apt-get install default-jre-headless)")
        for path in (AXE_JS, VNU_JAR, LIGHTHOUSE):
            if not path.exists():
                missing.append(f"{path.relative_to(ROOT)} is missing (`make test` runs npm ci)")
    return missing


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Response:
    status: int
    url: str
    text: str


def fetch(url, port):
    """GET a demo URL: connect to loopback and send the site's hostname (Python does not
    resolve *.localhost everywhere, Chromium does)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers={"Host": parts.netloc})
        response = connection.getresponse()
        return Response(response.status, url, response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


class _Links(HTMLParser):
    """Every <a href> with its text and the classes of its ancestors."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.links = []
        self.open_links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            return
        classes = " ".join(c for _, c in self.stack) + " " + (attrs.get("class") or "")
        self.stack.append((tag, attrs.get("class") or ""))
        if tag == "a" and attrs.get("href"):
            link = {"href": attrs["href"], "text": "", "context": classes}
            self.links.append(link)
            self.open_links.append(link)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "a" and self.open_links:
                self.open_links.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for link in self.open_links:
            link["text"] += data


def links(response, context=None):
    parser = _Links()
    parser.feed(response.text)
    found = parser.links
    if context:
        found = [link for link in found if re.search(context, link["context"])]
    return [{**link, "href": urljoin(response.url, link["href"])} for link in found]


class DemoNetwork:
    """`migrate`, `load_demo` and `update_index` into a temporary SQLite database
    (tests/quality/build_demo.py), then `manage.py runserver` on a free port until stop()."""

    def __init__(self, workdir=None, log=print):
        # A memory-backed folder when there is one: the build writes many small commits.
        base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        self._own_dir = workdir is None
        self.dir = Path(workdir or tempfile.mkdtemp(prefix="cms-quality-", dir=base))
        self.port = free_port()
        self.log = log
        self.server = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.quality.settings",
            "DATABASE_URL": f"sqlite:///{self.dir / 'quality.sqlite3'}",
            "MEDIA_ROOT": str(self.dir / "media"),
            "PORT": str(self.port),
            "PYTHONUNBUFFERED": "1",
        }
        # Local-memory cache only: never share cached site roots with another process.
        self.env.pop("REDIS_URL", None)
        self.base = f"http://localhost:{self.port}"

    def start(self):
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "tests.quality.build_demo", str(self.port)],
            cwd=ROOT, env=self.env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(
                f"Building the demo network failed:\n{result.stdout[-3000:]}\n"
                f"{result.stderr[-5000:]}"
            )
        self.log(
            f"demo network built in {time.monotonic() - started:.0f}s "
            f"({'; '.join(result.stdout.strip().splitlines())})"
        )
        self.server_log = open(self.dir / "server.log", "w")  # noqa: SIM115
        self.server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure",
             "--skip-checks", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=self.env, stdout=self.server_log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                break
            try:
                if fetch(self.base + "/", self.port).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.25)
        log = (self.dir / "server.log").read_text()[-5000:]
        self.stop()
        raise RuntimeError(f"The demo server did not answer on port {self.port}:\n{log}")

    def stop(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(10)
            except subprocess.TimeoutExpired:
                self.server.kill()
        if self.server:
            self.server_log.close()
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()

    def get(self, url):
        return fetch(url, self.port)

    def discover(self):
        """URL of every page type, found by following the demo's own links.

        Returns {key: url}; a page type that cannot be found maps to None."""
        home = self.get(self.base + "/")
        pages = {"central-home": home.url}

        union_links = [
            link["href"] for link in links(home, r"\bdirectory\b")
            if urlsplit(link["href"]).hostname not in (None, "localhost")
        ]  # fmt: skip
        preferred = [url for url in union_links if urlsplit(url).hostname == "tu-phap.localhost"]
        union = (preferred or union_links or [None])[0]
        pages["union-home"] = union

        hub = [link["href"] for link in links(home, r"\bmore-link\b")]
        pages["news-hub"] = hub[0] if hub else self.base + "/tin-cac-cong-doan/"

        column = None
        if union:
            column_links = links(self.get(union), r"\bcolumn-list\b")
            column = column_links[0]["href"] if column_links else None
        pages["column"] = column

        articles = links(self.get(pages["news-hub"]), r"\bcard__title\b")
        pages["article"] = articles[0]["href"] if articles else None

        documents = [
            link["href"] for link in links(home, r"\bcolumn-list\b") if "25/HD" in link["text"]
        ]
        pages["document"] = documents[0] if documents else None

        campaigns = links(home, r"\bcampaign-list__item\b")
        pages["campaign-hub"] = campaigns[0]["href"] if campaigns else None
        reviews = [link["href"] for link in campaigns if "10 năm" in link["text"]]
        pages["campaign-review"] = reviews[0] if reviews else None
        posters = (
            [
                link["href"]
                for link in links(self.get(campaigns[0]["href"]))
                if "/in-poster/" in link["href"]
            ]
            if campaigns
            else []
        )
        pages["poster-print"] = posters[0] if posters else None

        events = links(self.get(union), r"\bevent__title\b") if union else []
        pages["event"] = events[0]["href"] if events else None
        press = []
        if union:
            sitemap = self.get(union.rstrip("/") + "/sitemap.xml").text
            press = re.findall(r"<loc>([^<]*phien-cho-0-dong-am-ap[^<]*)</loc>", sitemap)
        pages["press"] = press[0] if press else None

        # The English edition: the switcher's link, and an article of its latest news.
        english = [link["href"] for link in links(home, r"\blanguage-switch\b")]
        pages["english-home"] = english[0] if english else None
        english_articles = links(self.get(english[0]), r"\bcard__title\b") if english else []
        pages["english-article"] = english_articles[0]["href"] if english_articles else None

        pages["english-hub"] = f"{self.base}/en/network-news/"
        pages["english-search"] = f"{self.base}/en/search/?q=tet"
        pages["about"] = f"{self.base}/gioi-thieu/"
        pages["english-about"] = f"{self.base}/en/about-us/"
        pages["search-central"] = f"{self.base}/tim-kiem/?q={SEARCH_QUERY}"
        pages["search-union"] = f"{union.rstrip('/')}/tim-kiem/?q={SEARCH_QUERY}" if union else None
        pages["directory"] = f"{self.base}/cac-cong-doan/"
        pages["not-found"] = f"{self.base}/trang-khong-ton-tai-{self.port}/"
        return pages
