"""Vietnamese text folding, shared by slugs and search.

Unicode decomposition strips most Vietnamese tone and vowel marks, but "đ"/"Đ" are
separate letters with no decomposition, so Django's ``slugify`` drops them
("Công đoàn" -> "cong-oan"). Fold them explicitly first.
"""

import re
import unicodedata

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


def search_terms(query: str, max_words: int = MAX_SEARCH_WORDS) -> str:
    """A reader's query folded the same way as the index: "Tết  SUM vầy!" -> "tet sum vay".

    Symbols are dropped (they are not words and some confuse full-text engines), so a
    query of symbols only gives "" and the caller shows the empty-search page.
    """
    return " ".join(search_text(query[:2000]).split()[:max_words])


def group_digits(number):
    """Vietnamese digit grouping with dots: 1500000 → "1.500.000"."""
    return f"{number:,}".replace(",", ".")
