"""Quality check of every public page type of the demo network, at phone and desktop
widths: accessibility (axe-core, WCAG 2.1 A/AA), valid HTML (Nu HTML Checker), landmarks,
one <h1>, the page language and a visible keyboard focus; Lighthouse's mobile scores of the
pages readers land on.

The demo network is built and served once per session in its own temporary SQLite database
(tests/quality/conftest.py); nothing is fetched from the internet. `make screenshots`
shows the same pages.
"""

import json
import os
import subprocess

import pytest

from tests.browser import CHROMIUM
from tests.quality.network import AXE_JS, LIGHTHOUSE, PAGE_TYPES, WIDTHS

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

pages = pytest.mark.parametrize("key", list(PAGE_TYPES))
widths = pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""

LANDMARKS = """() => ({
    lang: document.documentElement.getAttribute("lang"),
    h1: document.querySelectorAll("h1").length,
    main: document.querySelectorAll("main, [role=main]").length,
    banner: document.querySelectorAll("body > header, [role=banner]").length,
    navigation: document.querySelectorAll("nav, [role=navigation]").length,
    contentinfo: document.querySelectorAll("body > footer, [role=contentinfo]").length,
})"""

# The focused element, its focus style, and the contrast of its outline against the
# background it is drawn on (the parents' backgrounds, composited down to an opaque one).
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const rgba = (colour) => {
        const m = colour.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const layers = [];
    for (let node = el.parentElement; node; node = node.parentElement) {
        const c = rgba(getComputedStyle(node).backgroundColor);
        if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255];
    for (const c of layers.reverse()) bg = bg.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
    const lum = (rgb) => {
        const [r, g, b] = rgb.slice(0, 3).map((v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ring = rgba(style.outlineColor) || [0, 0, 0, 1];
    const [hi, lo] = [lum(ring), lum(bg)].sort((a, b) => b - a);
    return {
        tag: el.tagName.toLowerCase(), text: (el.textContent || "").trim().slice(0, 60),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        outlineContrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
        shadow: style.boxShadow !== "none",
        onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < innerWidth && box.top < innerHeight,
    };
}"""

FOCUS_FIRST_LINK = """(landmark) => {
    const link = [...document.querySelectorAll(`${landmark} a[href]`)]
        .find((a) => a.getClientRects().length && a.tabIndex >= 0);
    if (link) link.focus();
    return Boolean(link);
}"""


@widths
@pages
def test_no_serious_accessibility_violations(open_page, key, width):
    page = open_page(key, width)
    assert not page.csp_refusals, f"{key}: refused by the page's own policy: {page.csp_refusals}"
    # axe-core through the browser's debugging protocol: the page's policy allows no inline
    # script, and the check must not loosen it.
    page.evaluate(AXE_JS.read_text())
    violations = [v for v in page.evaluate(RUN_AXE, AXE_TAGS) if v["impact"] in BLOCKING]
    report = "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"      {node['target']}" for node in v["nodes"][:8])
        + (f"\n      … and {len(v['nodes']) - 8} more" if len(v["nodes"]) > 8 else "")
        for v in violations
    )
    assert not violations, f"{key} at {width}px ({page.url}):\n{report}"


@widths
@pages
def test_landmarks_heading_language_and_focus(open_page, key, width):
    page = open_page(key, width)
    found = page.evaluate(LANDMARKS)
    language = "en" if key.startswith("english-") else "vi"
    expected = {"lang": language, "h1": 1, "main": 1, "banner": 1, "contentinfo": 1}
    wrong = {name: found[name] for name, value in expected.items() if found[name] != value}
    if not found["navigation"]:
        wrong["navigation"] = 0
    assert not wrong, f"{key} at {width}px ({page.url}): expected {expected} and a nav, got {found}"

    # The first keyboard stops (skip link, brand, header and navigation), then the first link
    # of the main content and of the footer, focused after a keypress as a keyboard user would.
    stops = []
    for stop in range(1, 6):
        page.keyboard.press("Tab")
        stops.append((f"Tab stop {stop}", page.evaluate(FOCUSED)))
    for landmark in ("main", "footer"):
        if page.evaluate(FOCUS_FIRST_LINK, landmark):
            stops.append((f"first link in <{landmark}>", page.evaluate(FOCUSED)))
    for name, focused in stops:
        assert focused, f"{key} at {width}px: {name} focused nothing"
        what = f"{key} at {width}px: {name} ({focused['tag']} '{focused['text']}')"
        assert focused["outline"] or focused["shadow"], (
            f"{what} has no visible focus style (outline or box-shadow)"
        )
        assert focused["onScreen"], f"{what} is off screen"
        if focused["outline"]:  # WCAG 1.4.11: a focus ring needs 3:1 against its background
            assert focused["outlineContrast"] >= 3, (
                f"{what} has a focus outline of contrast {focused['outlineContrast']}:1 (needs 3:1)"
            )


@pages
def test_valid_html(demo, vnu_errors, key):
    demo.url(key)  # skips a page that is not built yet
    errors = vnu_errors["errors"].get(key, [])
    report = "\n".join(
        f"  {key}.html:{e.get('lastLine', '?')}:{e.get('firstColumn', e.get('lastColumn', '?'))}"
        f" {e['message']}\n      {e.get('extract', '').strip()[:140]}"
        for e in errors
    )
    assert not errors, f"{key} ({demo.pages[key]}): {len(errors)} HTML errors:\n{report}"


# Lighthouse (from the npm registry, run in Debian's Chromium, offline): mobile scores of the
# pages readers land on. Targets of issue 14.
LIGHTHOUSE_PAGES = ["central-home", "union-home", "news-hub", "campaign-hub", "article"]
LIGHTHOUSE_TARGETS = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}


def lighthouse(url, report):
    """Lighthouse's scores (0-100) of `url`, mobile."""
    # Lighthouse sometimes fails to record its trace on a busy machine ("NO_NAVSTART: please
    # run Lighthouse again"): a run that ends in such an error is tried again, twice at most.
    for _attempt in range(3):
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--form-factor=mobile", "--output=json",
             f"--output-path={report}", f"--only-categories={','.join(LIGHTHOUSE_TARGETS)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage "
             "--host-resolver-rules=MAP *.localhost 127.0.0.1"],
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
        if result.returncode == 0 or "run Lighthouse again" not in result.stderr:
            break
    assert result.returncode == 0, result.stderr[-3000:]
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in LIGHTHOUSE_TARGETS}


@pytest.mark.parametrize("key", LIGHTHOUSE_PAGES)
def test_lighthouse_mobile_scores(demo, key, tmp_path):
    url = demo.url(key)
    scores = lighthouse(url, tmp_path / "lighthouse.json")
    if scores["performance"] < LIGHTHOUSE_TARGETS["performance"]:
        # Performance is a timing, and the suite's other worker shares the two cores: a low
        # score is measured once more and the better one kept (a slow page scores low twice).
        again = lighthouse(url, tmp_path / "lighthouse-again.json")
        scores["performance"] = max(scores["performance"], again["performance"])
    print(f"\nLighthouse, mobile, {key}: {scores}")
    low = {name: score for name, score in scores.items() if score < LIGHTHOUSE_TARGETS[name]}
    assert not low, f"{key} ({url}): {low}"
