import unicodedata

import pytest

from core.text import fold, normalize, slugify_vi


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Công đoàn Viên chức", "cong-doan-vien-chuc"),
        ("Tết Sum vầy", "tet-sum-vay"),
        ("Công đoàn", "cong-doan"),
        ("ĐOÀN VIÊN, NGƯỜI LAO ĐỘNG", "doan-vien-nguoi-lao-dong"),
        ("Chợ Tết Công đoàn năm 2024", "cho-tet-cong-doan-nam-2024"),
        ("Gian hàng 0 đồng!", "gian-hang-0-dong"),
    ],
)
def test_slugs_fold_vietnamese_letters_including_d(text, slug):
    assert slugify_vi(text) == slug


def test_slug_folding_accepts_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Tết Sum vầy")
    assert decomposed != "Tết Sum vầy"
    assert slugify_vi(decomposed) == "tet-sum-vay"
    assert normalize(decomposed) == "Tết Sum vầy"


def test_fold_keeps_case_and_spaces():
    assert fold("Hà Nội, Đà Nẵng") == "Ha Noi, Da Nang"
