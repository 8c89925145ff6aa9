"""The Vietnamese admin catalog (locale/vi/LC_MESSAGES) is edited as .po files: the compiled
.mo files in the repository must say what the .po files say, and no translation may break the
placeholders or markup of the string it translates."""

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGS = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
PRINTF = re.compile(
    r"%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)
BRACES = re.compile(r"\{[^{}\s]*\}")
TAGS = re.compile(r"</?[A-Za-z][^<>]*?>")


def translated(domain):
    return polib.pofile(str(CATALOGS / f"{domain}.po")).translated_entries()


def entries(catalog):
    return {
        (e.msgctxt, e.msgid): e.msgstr or tuple(sorted(e.msgstr_plural.items())) for e in catalog
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_compiled_catalog_is_the_po_file(domain):
    mo = entries(polib.mofile(str(CATALOGS / f"{domain}.mo")))
    po = entries(translated(domain))
    assert len(po) > (1000 if domain == "django" else 100)
    assert mo == po, "run `make messages` to compile locale/vi/LC_MESSAGES"


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_placeholders_and_markup(domain):
    problems = []
    for entry in translated(domain):
        reference = entry.msgid_plural or entry.msgid
        for msgstr in [entry.msgstr, *entry.msgstr_plural.values()]:
            if not msgstr:
                continue
            for pattern in (BRACES, TAGS):
                if Counter(pattern.findall(reference)) != Counter(pattern.findall(msgstr)):
                    problems.append((entry.msgid, msgstr))
            named = {p for p in PRINTF.findall(reference) if "(" in p}
            if entry.msgid_plural:
                named |= {p for p in PRINTF.findall(entry.msgid) if "(" in p}
                ok = {p for p in PRINTF.findall(msgstr) if "(" in p} <= named
            else:
                ok = Counter(PRINTF.findall(reference)) == Counter(PRINTF.findall(msgstr))
            if not ok:
                problems.append((entry.msgid, msgstr))
    assert problems == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("domain", DOMAINS)
def test_msgfmt_accepts_the_catalog(domain, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(CATALOGS / f"{domain}.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_admin_speaks_vietnamese_from_the_project_catalog():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu nháp"
        assert translation.gettext("Collections") == "Thư mục"
