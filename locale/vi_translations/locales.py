"""Vietnamese admin translations for: wagtail/locales.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Wagtail locales": "Ngôn ngữ Wagtail",
    "Select a new language": "Chọn ngôn ngữ mới",
    "This locale's language code is not supported": "Mã ngôn ngữ này không được hỗ trợ",
    "This locale's current language code is not supported. Please choose a new language or delete this locale.": "Mã ngôn ngữ hiện tại của ngôn ngữ này không được hỗ trợ. Vui lòng chọn ngôn ngữ mới hoặc xóa ngôn ngữ này.",
    "%(num_pages)d pages and %(num_others)d others": "%(num_pages)d trang và %(num_others)d mục khác",
    "Locales": "Ngôn ngữ",
    "Add a locale": "Thêm ngôn ngữ",
    "Add locale": "Thêm ngôn ngữ",
    "Locale '%(object)s' created.": "Đã tạo ngôn ngữ '%(object)s'.",
    "Locale '%(object)s' updated.": "Đã cập nhật ngôn ngữ '%(object)s'.",
    "The locale could not be saved due to errors.": "Không thể lưu ngôn ngữ do có lỗi.",
    "Locale '%(object)s' deleted.": "Đã xóa ngôn ngữ '%(object)s'.",
    "Delete locale": "Xóa ngôn ngữ",
    "Are you sure you want to delete this locale?": "Bạn có chắc muốn xóa ngôn ngữ này không?",
    "This locale cannot be deleted because there are no other locales.": "Không thể xóa ngôn ngữ này vì không còn ngôn ngữ nào khác.",
    "This locale cannot be deleted because there are pages and/or other objects using it.": "Không thể xóa ngôn ngữ này vì đang có trang và/hoặc đối tượng khác sử dụng.",
}

PLURALS = {
    "%(num_pages)d page": "%(num_pages)d trang",
}
