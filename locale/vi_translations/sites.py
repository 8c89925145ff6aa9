"""Vietnamese admin translations for: wagtail/sites.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Wagtail sites": "Website Wagtail",
    "Choose a root page": "Chọn trang gốc",
    "Choose a different root page": "Chọn trang gốc khác",
    "Add a site": "Thêm website",
    "Default?": "Mặc định?",
    "Add site": "Thêm website",
    "Site '%(object)s' created.": "Đã tạo website '%(object)s'.",
    "The site could not be saved due to errors.": "Không thể lưu website do có lỗi.",
    "Site '%(object)s' updated.": "Đã cập nhật website '%(object)s'.",
    "Site '%(object)s' deleted.": "Đã xóa website '%(object)s'.",
    "Delete site": "Xóa website",
    "Are you sure you want to delete this site?": "Bạn có chắc muốn xóa website này không?",
}

PLURALS = {}
