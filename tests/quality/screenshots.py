"""Screenshots of every public page type of the demo network at phone and desktop widths.

    .venv/bin/python -m tests.quality.screenshots [FOLDER]     (or: make screenshots)

Builds and serves the demo network in a temporary SQLite database exactly as the quality
check does (tests/quality/network.py), then writes FOLDER/<page type>-<width>.png, full
page, in Debian's Chromium. FOLDER defaults to var/screenshots.
"""

import sys
from pathlib import Path

from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.quality.network import OPTIONAL, PAGE_TYPES, ROOT, WIDTHS, DemoNetwork, missing_tools


def main(folder):
    missing = missing_tools(need_node_modules=False)
    if missing:
        sys.exit("; ".join(missing))
    from playwright.sync_api import sync_playwright

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with DemoNetwork() as network, sync_playwright() as playwright:
        pages = network.discover()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
            page = context.new_page()
            for key, url in pages.items():
                if not url:
                    print(f"{key}: not found in the demo ({PAGE_TYPES[key]})")
                    continue
                response = page.goto(url, wait_until="load")
                if key in OPTIONAL and response.status == 404:
                    print(f"{key}: {url} answers 404 (not built yet)")
                    continue
                path = folder / f"{key}-{width}.png"
                page.screenshot(path=path, full_page=True)
                print(f"{path}  {url}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "var" / "screenshots")
