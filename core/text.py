"""Vietnamese text folding, shared by slugs and search.

Unicode decomposition strips most Vietnamese tone and vowel marks, but "đ"/"Đ" are
separate letters with no decomposition, so Django's ``slugify`` drops them
("Công đoàn" -> "cong-oan"). Fold them explicitly first.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def normalize(text: str) -> str:
    """NFC-normalise text, so input typed in decomposed form matches stored text."""
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Remove Vietnamese diacritics: "Tết Sum vầy" -> "Tet Sum vay", "Đoàn" -> "Doan"."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def slugify_vi(text: str) -> str:
    """ASCII slug folded the Vietnamese way: "Công đoàn Viên chức" -> "cong-doan-vien-chuc"."""
    return slugify(fold(text), allow_unicode=False)


# A search needs no more than this many words; longer input is cut, not refused.
MAX_SEARCH_WORDS = 12
_NON_WORD = re.compile(r"[\W_]+")


def search_text(*parts) -> str:
    """What the search index stores: the parts folded, lower-cased and without symbols."""
    text = " ".join(str(part) for part in parts if part)
    return _NON_WORD.sub(" ", fold(text).lower()).strip()


def marked_text(*parts) -> str:
    """The parts lower-cased and without symbols, their diacritics kept ("Đồng bào!" ->
    "đồng bào"): the search ranks pages with the words as the reader typed them first."""
    text = " ".join(str(part) for part in parts if part)
    return _NON_WORD.sub(" ", normalize(text).lower()).strip()


def marked_terms(query: str, max_words: int = MAX_SEARCH_WORDS) -> str:
    """The query's words with their diacritics, or "" if it was typed without any (then
    only the folded words can be compared)."""
    words = " ".join(marked_text(query[:2000]).split()[:max_words])
    return words if words != search_terms(query, max_words) else ""


def search_terms(query: str, max_words: int = MAX_SEARCH_WORDS) -> str:
    """A reader's query folded the same way as the index: "Tết  SUM vầy!" -> "tet sum vay".

    Symbols are dropped (they are not words and some confuse full-text engines), so a
    query of symbols only gives "" and the caller shows the empty-search page.
    """
    return " ".join(search_text(query[:2000]).split()[:max_words])


_QUOTED = re.compile(r'["“”„«»]([^"“”„«»]+)["“”„«»]')


def search_phrases(query: str, max_words: int = MAX_SEARCH_WORDS) -> list[str]:
    """The phrases a reader put in quotes, folded like the index: 'Tết "đồng bào"' ->
    ["dong bao"]. Each must appear as written, its words side by side."""
    phrases = (search_text(match) for match in _QUOTED.findall(query[:2000]))
    return [" ".join(p.split()[:max_words]) for p in phrases if p]


def highlight(text: str, terms: str):
    """`text` as safe HTML with every word of the folded `terms` (whole words, whatever their
    diacritics or case) in <mark>: "Đồng bào vùng cao", "dong bao" -> "<mark>Đồng</mark>
    <mark>bào</mark> vùng cao". The original (accented) text is kept."""
    wanted = set(terms.split())
    if not text or not wanted:
        return escape(text or "")
    parts, last = [], 0
    for match in re.finditer(r"\w+", text):
        if search_text(match.group(0)) in wanted:
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group(0))}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def group_digits(number):
    """Vietnamese digit grouping with dots: 1500000 → "1.500.000"."""
    return f"{number:,}".replace(",", ".")
