"""Debian's Chromium driven by Playwright (never a browser downloaded by a test tool).

One `browser` for the whole session, shared by tests/e2e and tests/quality: Playwright's
sync API cannot run two instances at once. tests/conftest.py registers the fixture.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing():
    return not (os.path.exists(CHROMIUM) or shutil.which("chromium"))


@pytest.fixture(scope="session")
def browser():
    if chromium_missing():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs it (apt).")
        pytest.skip("Chromium is not installed (run `make test` as root to install it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
