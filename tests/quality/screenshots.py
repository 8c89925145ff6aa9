"""Screenshots of every public page type of the demo network at phone and desktop widths,
and of each role's admin home (the desks).

    .venv/bin/python -m tests.quality.screenshots [FOLDER]          (or: make screenshots)
    .venv/bin/python -m tests.quality.screenshots --desks [FOLDER]  (or: make desk-screenshots)

Builds and serves the demo network in a temporary SQLite database exactly as the quality
check does (tests/quality/network.py), then writes FOLDER/<page type>-<width>.png and
FOLDER/desk-<role>.png, full page, in Debian's Chromium. FOLDER defaults to var/screenshots.
"""

import sys
from pathlib import Path

from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.quality.network import OPTIONAL, PAGE_TYPES, ROOT, WIDTHS, DemoNetwork, missing_tools

# The admin home of each role in its flow, as the demo's accounts (demo/loader.py).
DESKS = {
    "trung-uong": "duyet.trung-uong",  # the central department (Ban Tuyên giáo - Nữ công)
    # A union whose report the centre returned (demo/reports.py), its approver and editor.
    "duyet-cong-doan": "duyet.khoa-hoc-cong-nghe",
    "bientap-cong-doan": "bientap.khoa-hoc-cong-nghe",
    "bientap-ban": "bientap.chinh-sach-phap-luat",  # a central department's editor
}
DEMO_PASSWORD = "CongDoan@2024"


def shoot_desks(browser, network, folder):
    for role, username in DESKS.items():
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.goto(network.base + "/admin/login/", wait_until="load")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(network.base + "/admin/", timeout=30000)
        # The admin scrolls inside its main area: make the window as tall as the content.
        height = page.evaluate("document.querySelector('main').scrollHeight")
        page.set_viewport_size({"width": 1280, "height": max(900, height + 40)})
        path = folder / f"desk-{role}.png"
        page.screenshot(path=path, full_page=True)
        print(f"{path}  {username}")
        context.close()


def main(folder, desks_only=False):
    missing = missing_tools(need_node_modules=False)
    if missing:
        sys.exit("; ".join(missing))
    from playwright.sync_api import sync_playwright

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with DemoNetwork() as network, sync_playwright() as playwright:
        pages = network.discover()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shoot_desks(browser, network, folder)
        for width in [] if desks_only else WIDTHS:
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
    arguments = [a for a in sys.argv[1:] if a != "--desks"]
    main(arguments[0] if arguments else ROOT / "var" / "screenshots", "--desks" in sys.argv)
