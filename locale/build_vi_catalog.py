#!/usr/bin/env python
"""Build the project-level Vietnamese catalogs that fill the gaps in Wagtail's own.

Writes (next to this script):
    vi/LC_MESSAGES/django.po   + django.mo
    vi/LC_MESSAGES/djangojs.po + djangojs.mo

Sources, in order of precedence for each msgid:
    1. our translations in vi_translations/*.py (TRANSLATIONS / PLURALS dicts),
    2. GLOSSARY below, for a msgid that is exactly a glossary term,
    3. the app's own shipped Vietnamese catalog (copied as-is if it passes the checks),
    4. otherwise the entry is left out (Django then falls back to the app's catalog / English).

msgids come from the English catalogs shipped with the installed wagtail and
wagtail_localize packages, so re-running after an upgrade picks up new strings
(list them with --missing) and warns about translations whose msgid has gone.

Every translation is checked; the script stops with a non-zero exit, writing
nothing, if one of ours is broken:
    * printf placeholders (%(name)s, %s, %d, %%) and brace placeholders ({name}, {0}, {})
      identical to the msgid (for plurals: to msgid_plural);
    * HTML tags identical (as a multiset, so word order may change);
    * leading/trailing whitespace identical, no fuzzy flags, non-empty;
    * a msgid that is a glossary term gets the glossary's translation.
A shipped Wagtail translation that fails a check is left out (reported, not fatal).

Usage:
    .venv/bin/python locale/build_vi_catalog.py            # check, build .po/.mo, print coverage
    .venv/bin/python locale/build_vi_catalog.py --check    # check only, write nothing
    .venv/bin/python locale/build_vi_catalog.py --missing  # also list untranslated msgids
    .venv/bin/python locale/build_vi_catalog.py --lint     # also list glossary-term hints
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "vi_translations"
OUT_DIR = HERE / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")

# Priority order (see the task brief). (label, importable package, sub-path of its locale dir)
APPS = [
    ("wagtail/admin", "wagtail", "admin"),
    ("wagtail (core)", "wagtail", ""),
    ("wagtail/images", "wagtail", "images"),
    ("wagtail/documents", "wagtail", "documents"),
    ("wagtail/snippets", "wagtail", "snippets"),
    ("wagtail/contrib/settings", "wagtail", "contrib/settings"),
    ("wagtail/users", "wagtail", "users"),
    ("wagtail/embeds", "wagtail", "embeds"),
    ("wagtail/sites", "wagtail", "sites"),
    ("wagtail/search", "wagtail", "search"),
    ("wagtail/locales", "wagtail", "locales"),
    ("wagtail_localize", "wagtail_localize", ""),
    ("wagtail_localize/locales", "wagtail_localize", "locales"),
    ("wagtail/contrib/redirects", "wagtail", "contrib/redirects"),
]
# Not used by this project, deliberately skipped: wagtail/contrib/forms, search_promotions,
# styleguide, table_block, typed_table_block, frontend_cache, simple_translation, sitemaps.

# Terms used consistently across the catalog. A msgid equal to a key gets this msgstr;
# --lint checks that msgids containing a term use one of the TERM_HINTS renderings.
GLOSSARY = {
    "Page": "Trang",
    "Pages": "Trang",
    "Images": "Hình ảnh",
    "Image": "Hình ảnh",
    "Documents": "Tài liệu",
    "Document": "Tài liệu",
    "Snippets": "Danh mục dùng chung",
    "Reports": "Báo cáo",
    "Settings": "Cài đặt",
    "Save draft": "Lưu nháp",
    "Save Draft": "Lưu nháp",
    "Publish": "Xuất bản",
    "Unpublish": "Gỡ xuất bản",
    "Workflow": "Quy trình duyệt",
    "Workflows": "Quy trình duyệt",
    "Task": "Bước duyệt",
    "Approve": "Duyệt",
    "Reject": "Từ chối",
    "Request changes": "Yêu cầu sửa",
    "Preview": "Xem trước",
    "Content": "Nội dung",
    "Promote": "Quảng bá / SEO",
    "Collection": "Thư mục",
    "Collections": "Thư mục",
    "Locale": "Ngôn ngữ",
    "Locales": "Ngôn ngữ",
    "Live": "Đang hiển thị",
    "Draft": "Bản nháp",
    "Privacy": "Quyền xem",
    "Dashboard": "Bảng điều khiển",
    "Page explorer": "Duyệt trang",
    "Alt text": "Văn bản thay thế",
    "Site": "Website",
    "Sites": "Website",
    "Redirects": "Chuyển hướng",
    "Users": "Người dùng",
    "Groups": "Nhóm",
    "Search": "Tìm kiếm",
    "Search…": "Tìm kiếm…",
    "Edit": "Sửa",
    "Delete": "Xóa",
    "Add": "Thêm",
    "Cancel": "Hủy",
    "Lock": "Khóa",
    "Unlock": "Mở khóa",
    "Comments": "Bình luận",
    "Translate": "Dịch",
    "Translations": "Bản dịch",
    "Embed": "Nhúng",
    "Upload": "Tải lên",
    "History": "Lịch sử",
    "Usage": "Nơi sử dụng",
    "Owner": "Người sở hữu",
    "Tags": "Thẻ",
    "Focal point": "Điểm trọng tâm",
}

# English term (regex, case-insensitive) -> acceptable Vietnamese renderings (for --lint only).
TERM_HINTS = {
    r"\bcollections?\b": ["thư mục"],
    r"\bsnippets?\b": ["dùng chung"],
    r"\bworkflows?\b": ["quy trình"],
    r"\brevisions?\b": ["phiên bản"],
    r"\blocales?\b": ["ngôn ngữ"],
    r"\bunpublish": ["gỡ xuất bản"],
    r"\bpublish": ["xuất bản"],
    r"\bslugs?\b": ["đường dẫn"],
    r"\bdocuments?\b": ["tài liệu"],
    r"\bimages?\b": ["hình ảnh", "ảnh"],
    r"\bprivacy\b": ["quyền xem"],
    r"\bsites?\b": ["website"],
    r"\bredirects?\b": ["chuyển hướng"],
    r"\btasks?\b": ["bước"],
    r"\bdrafts?\b": ["nháp"],
    r"\baliase?s?\b": ["bản sao liên kết", "alias"],
    r"\bmoderation\b": ["kiểm duyệt", "duyệt"],
    r"\bdashboard\b": ["bảng điều khiển"],
}

HEADER = {
    "Project-Id-Version": "cms vi admin overrides",
    "Report-Msgid-Bugs-To": "",
    # Fixed (not the build time) so that re-running the script gives byte-identical files.
    "PO-Revision-Date": "2025-11-26 00:00+0000",
    "Last-Translator": "cms project <build_vi_catalog.py>",
    "Language-Team": "Vietnamese",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}

# --------------------------------------------------------------------------- checks

PRINTF_RE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)
BRACE_RE = re.compile(r"\{[^{}\s]*\}")
TAG_RE = re.compile(r"</?[A-Za-z][^<>]*?>")


def printf_specs(s):
    named, positional = Counter(), []
    for m in PRINTF_RE.finditer(s):
        if m.group("name") is not None:
            named[m.group(0)] += 1
        else:
            positional.append(m.group(0))
    rest = PRINTF_RE.sub("", s)
    return named, positional, rest.count("%")


def _ws(s):
    stripped = s.strip()
    if not stripped:
        return s, ""
    start = s.index(stripped[0])
    return s[:start], s[start + len(stripped) :]


def problems(msgid, msgid_plural, msgstr, flags=()):
    """Return a list of reasons why msgstr is not a safe translation of msgid."""
    errs = []
    if not msgstr or not msgstr.strip():
        return ["empty msgstr"]
    if "fuzzy" in flags:
        errs.append("fuzzy")
    ref = msgid_plural or msgid
    # printf
    r_named, r_pos, r_stray = printf_specs(ref)
    s_named, s_pos, s_stray = printf_specs(msgstr)
    if msgid_plural:
        allowed = set(r_named) | set(printf_specs(msgid)[0])
        if set(r_named) - set(s_named):
            errs.append(f"missing placeholders {sorted(set(r_named) - set(s_named))}")
        if set(s_named) - allowed:
            errs.append(f"unknown placeholders {sorted(set(s_named) - allowed)}")
    elif r_named != s_named:
        errs.append(f"named placeholders differ: {dict(r_named)} vs {dict(s_named)}")
    if r_pos != s_pos:
        errs.append(f"positional placeholders differ: {r_pos} vs {s_pos}")
    if s_stray > r_stray:
        errs.append("stray '%' in msgstr")
    # braces
    rb, sb = Counter(BRACE_RE.findall(ref)), Counter(BRACE_RE.findall(msgstr))
    if rb != sb:
        errs.append(f"brace placeholders differ: {dict(rb)} vs {dict(sb)}")
    # HTML tags
    rt, st = Counter(TAG_RE.findall(ref)), Counter(TAG_RE.findall(msgstr))
    if rt != st:
        errs.append(f"HTML tags differ: {dict(rt - st)} missing, {dict(st - rt)} extra")
    # whitespace at the ends (msgfmt insists on matching newlines)
    if _ws(msgid) != _ws(msgstr):
        errs.append(f"leading/trailing whitespace differs: {_ws(msgid)!r} vs {_ws(msgstr)!r}")
    if unicodedata.normalize("NFC", msgstr) != msgstr:
        errs.append("msgstr is not NFC-normalised")
    return errs


# --------------------------------------------------------------------------- loading


def package_dir(pkg):
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"Cannot import {pkg}: run this script with the project's virtualenv Python.")
    return Path(list(spec.submodule_search_locations)[0])


def app_catalog(pkg, sub, lang, domain):
    base = package_dir(pkg)
    path = (base / sub if sub else base) / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"
    return path if path.exists() else None


def key_of(entry):
    return (entry.msgctxt or None, entry.msgid)


def load_data():
    """Merge vi_translations/*.py into {(ctx, msgid): msgstr}; conflicting duplicates are fatal."""
    sys.dont_write_bytecode = True  # leave no __pycache__ next to the data files
    merged, origin, errors = {}, {}, []
    for path in sorted(DATA_DIR.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"vi_translations_{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for dname in ("TRANSLATIONS", "PLURALS"):
            for raw, msgstr in getattr(mod, dname, {}).items():
                ctx, _, msgid = raw.rpartition("\x04")
                k = (ctx or None, msgid)
                if k in merged and merged[k] != msgstr:
                    errors.append(
                        f"{msgid!r}: {origin[k]} says {merged[k]!r}, {path.name} says {msgstr!r}"
                    )
                merged[k], origin[k] = msgstr, path.name
    return merged, origin, errors


# --------------------------------------------------------------------------- build


def build(args):
    ours, origin, fatal = load_data()
    fatal = [f"conflicting translations: {e}" for e in fatal]
    for term, vi in GLOSSARY.items():
        k = (None, term)
        if k in ours and ours[k] != vi:
            fatal.append(f"{term!r}: glossary says {vi!r} but {origin[k]} says {ours[k]!r}")

    catalogs = {d: [] for d in DOMAINS}  # domain -> list of (app label, POEntry)
    seen = {d: {} for d in DOMAINS}  # domain -> key -> msgstr(s)
    used_keys = set()
    coverage = []
    warnings = []
    missing = []

    for label, pkg, sub in APPS:
        for domain in DOMAINS:
            en_path = app_catalog(pkg, sub, "en", domain)
            if not en_path:
                continue
            vi_path = app_catalog(pkg, sub, "vi", domain)
            shipped = {}
            if vi_path:
                for e in polib.pofile(str(vi_path)):
                    if not e.obsolete and e.translated() and "fuzzy" not in e.flags:
                        shipped[key_of(e)] = e
            total = mine = theirs = 0
            for en in polib.pofile(str(en_path)):
                if en.obsolete or not en.msgid:
                    continue
                total += 1
                k = key_of(en)
                used_keys.add(k)
                msgstr, source = None, None
                if k in ours:
                    msgstr, source = ours[k], "ours"
                elif k[0] is None and k[1] in GLOSSARY:
                    msgstr, source = GLOSSARY[k[1]], "ours"
                elif k in shipped:
                    s = shipped[k]
                    msgstr = s.msgstr_plural.get(0) if en.msgid_plural else s.msgstr
                    source = "wagtail"
                if msgstr is None:
                    missing.append((label, domain, en))
                    continue
                errs = problems(en.msgid, en.msgid_plural, msgstr, ())
                if errs:
                    where = f"[{label} {domain}] {en.msgid!r}"
                    if source == "ours":
                        fatal.append(f"{where} -> {msgstr!r}: {'; '.join(errs)}")
                    else:
                        warnings.append(
                            f"left out shipped translation {where} -> {msgstr!r}: {'; '.join(errs)}"
                        )
                        missing.append((label, domain, en))
                    continue
                if source == "ours":
                    mine += 1
                else:
                    theirs += 1
                if k in seen[domain]:
                    continue  # same msgid already emitted for an earlier app in this domain
                seen[domain][k] = msgstr
                entry = polib.POEntry(
                    msgctxt=en.msgctxt,
                    msgid=en.msgid,
                    occurrences=[(f"{label.split(' ')[0]}/{f}", ln) for f, ln in en.occurrences],
                    flags=[f for f in en.flags if f != "fuzzy"],
                    comment=None
                    if source == "ours"
                    else "copied from the app's shipped vi catalog",
                )
                if en.msgid_plural:
                    entry.msgid_plural = en.msgid_plural
                    entry.msgstr_plural = {0: msgstr}
                else:
                    entry.msgstr = msgstr
                catalogs[domain].append(entry)
            coverage.append((label, domain, total, mine + theirs, mine, theirs))

    # Keep entries that are not Wagtail's: if someone ran `makemessages -l vi` for the project's
    # own strings, they landed in the same django.po; carry their translations over (checked too).
    kept_foreign = {d: [] for d in DOMAINS}
    for domain in DOMAINS:
        old_path = OUT_DIR / f"{domain}.po"
        if not old_path.exists():
            continue
        for e in polib.pofile(str(old_path)):
            k = key_of(e)
            if e.obsolete or k in used_keys or not e.translated() or "fuzzy" in e.flags:
                continue
            msgstr = e.msgstr_plural.get(0) if e.msgid_plural else e.msgstr
            errs = problems(e.msgid, e.msgid_plural, msgstr, e.flags)
            if errs:
                warnings.append(f"dropped project entry {e.msgid!r}: {'; '.join(errs)}")
                continue
            kept_foreign[domain].append(e)

    stale = sorted(k[1] for k in set(ours) - used_keys)
    for s in stale:
        warnings.append(f"translation for a msgid no longer in any English catalog: {s!r}")

    if fatal:
        print(f"FAILED: {len(fatal)} broken translation(s); nothing written.", file=sys.stderr)
        for f in fatal:
            print("  " + f, file=sys.stderr)
        return 1

    if not args.check:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        for domain in DOMAINS:
            po = polib.POFile(wrapwidth=79)
            po.header = (
                "Vietnamese translations for the Wagtail admin (project-level overrides).\n"
                "GENERATED by locale/build_vi_catalog.py from locale/vi_translations/*.py and\n"
                "the apps' shipped vi catalogs: edit the data files and re-run, not this file."
            )
            po.metadata = dict(HEADER)
            for e in catalogs[domain] + kept_foreign[domain]:
                po.append(e)
            po_path, mo_path = OUT_DIR / f"{domain}.po", OUT_DIR / f"{domain}.mo"
            po.save(str(po_path))
            po.save_as_mofile(str(mo_path))
            # Re-read both files to make sure they round-trip.
            back = polib.pofile(str(po_path))
            n = len(catalogs[domain]) + len(kept_foreign[domain])
            assert len(back) == n, f"{po_path} did not round-trip"
            assert len(polib.mofile(str(mo_path))) == n, f"{mo_path} did not round-trip"
            if shutil.which("msgfmt"):
                res = subprocess.run(
                    ["msgfmt", "--check", "-o", "/dev/null", str(po_path)],
                    capture_output=True,
                    text=True,
                )
                if res.returncode != 0:
                    print(f"FAILED: msgfmt --check {po_path}:\n{res.stderr}", file=sys.stderr)
                    return 1
            kept = len(kept_foreign[domain])
            extra = f" + {kept} project entries kept" if kept else ""
            print(
                f"wrote {po_path.relative_to(HERE.parent)} and .mo: {len(catalogs[domain])} entries{extra}"
            )

    print()
    print(
        f"{'app':28} {'domain':9} {'msgids':>6} {'translated':>10} {'%':>5}   {'ours':>5} {'shipped':>7}"
    )
    tot = [0, 0, 0, 0]
    for label, domain, total, done, mine, theirs in coverage:
        pct = 100.0 * done / total if total else 100.0
        print(f"{label:28} {domain:9} {total:6} {done:10} {pct:5.1f}   {mine:5} {theirs:7}")
        for i, v in enumerate((total, done, mine, theirs)):
            tot[i] += v
    print(
        f"{'TOTAL':28} {'':9} {tot[0]:6} {tot[1]:10} {100.0 * tot[1] / max(tot[0], 1):5.1f}   {tot[2]:5} {tot[3]:7}"
    )
    print(
        "(msgids counted per app catalog; a msgid shared by several apps is emitted once per domain)"
    )

    if warnings:
        print(f"\n{len(warnings)} warning(s):")
        for w in warnings:
            print("  " + w)
    if args.missing:
        print(f"\n{len(missing)} untranslated msgid(s):")
        for label, domain, e in missing:
            print(
                f"  [{label} {domain}] {e.msgid!r}"
                + (f" / {e.msgid_plural!r}" if e.msgid_plural else "")
            )
    if args.lint:
        hints = []
        for domain in DOMAINS:
            for e in catalogs[domain]:
                text = e.msgstr_plural.get(0) if e.msgid_plural else e.msgstr
                # ignore terms that only occur inside placeholders or tags, e.g. %(workflow)s
                plain = TAG_RE.sub(" ", BRACE_RE.sub(" ", PRINTF_RE.sub(" ", e.msgid)))
                for pat, options in TERM_HINTS.items():
                    if re.search(pat, plain, re.I) and not any(o in text.lower() for o in options):
                        hints.append(f"  {pat:22} {e.msgid!r} -> {text!r}")
        print(f"\n{len(hints)} glossary hint(s) (not errors; check the wording):")
        print("\n".join(hints))
    return 0


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--check", action="store_true", help="validate only; write nothing")
    ap.add_argument("--missing", action="store_true", help="list msgids that have no translation")
    ap.add_argument(
        "--lint",
        action="store_true",
        help="list msgids whose glossary term is rendered differently",
    )
    sys.exit(build(ap.parse_args()))


if __name__ == "__main__":
    main()
