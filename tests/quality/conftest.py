"""Fixtures of the quality check: the demo network built and served once per session in its
own temporary SQLite database, its page types, and one Nu HTML Checker run over them all."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.quality.network import OPTIONAL, PAGE_TYPES, VNU_JAR, DemoNetwork, missing_tools


def skip_or_fail(message):
    """Skip on a developer's machine; in CI (env CI set) a missing tool is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so this fails instead of skipping)")
    pytest.skip(message)


@dataclass
class Demo:
    network: DemoNetwork
    pages: dict
    statuses: dict = field(default_factory=dict)

    def status(self, key):
        if key not in self.statuses:
            self.statuses[key] = self.network.get(self.pages[key]).status
        return self.statuses[key]

    def url(self, key):
        """The page type's URL; skips an optional page that is not built yet (404)."""
        url = self.pages.get(key)
        if not url:
            pytest.fail(f"{key}: no {PAGE_TYPES[key]} found by following the demo's links")
        if key in OPTIONAL and self.status(key) == 404:
            pytest.skip(f"{key}: {url} answers 404 ({PAGE_TYPES[key]} is not built yet)")
        return url

    def expected_status(self, key):
        return 404 if key == "not-found" else 200


@pytest.fixture(scope="session")
def demo():
    missing = missing_tools()
    if missing:
        skip_or_fail("Quality check needs: " + "; ".join(missing))
    network = DemoNetwork(log=lambda message: print(message, file=sys.stderr))
    try:
        network.start()
        yield Demo(network, network.discover())
    finally:
        network.stop()


@pytest.fixture
def open_page(browser, demo):
    """open_page(key, width) -> a Playwright page showing that page type at that width."""
    contexts = []

    def make(key, width):
        url = demo.url(key)
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        # What the page's Content-Security-Policy refused (core/security.py): none expected.
        page.csp_refusals = []
        page.on(
            "console",
            lambda message: (
                page.csp_refusals.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        response = page.goto(url, wait_until="load")
        assert response.status == demo.expected_status(key), f"{key}: {url} -> {response.status}"
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def vnu_errors(demo, tmp_path_factory):
    """{page type: [error, ...]} from one `vnu.jar --errors-only` run over every page's HTML
    as the server sent it."""
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for key, url in demo.pages.items():
        if not url:
            continue
        response = demo.network.get(url)
        demo.statuses[key] = response.status
        if key in OPTIONAL and response.status == 404:
            continue
        path = folder / f"{key}.html"
        path.write_text(response.text, encoding="utf-8")
        files[key] = path
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         *[str(path) for path in files.values()]],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr}")
    by_file = {key: [] for key in files}
    names = {path.name: key for key, path in files.items()}
    for message in messages:
        name = Path(unquote(urlsplit(message.get("url", "")).path)).name
        by_file.setdefault(names.get(name, name), []).append(message)
    return {"files": files, "errors": by_file}
