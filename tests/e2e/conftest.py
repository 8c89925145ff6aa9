"""End-to-end tests in Debian's Chromium, driven by Playwright (never a downloaded browser)."""

import os

import pytest

# The session's `browser` (Debian's Chromium) is shared with tests/quality: tests/browser.py.

# Playwright's sync API runs an event loop in the test thread; the test still needs the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="vi-VN")
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
