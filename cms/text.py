"""Vietnamese text folding, shared by slugs and search.

Unicode decomposition strips most Vietnamese tone and vowel marks, but "đ"/"Đ" are
separate letters with no decomposition, so Django's ``slugify`` drops them
("Công đoàn" -> "cong-oan"). Fold them explicitly first.
"""

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
