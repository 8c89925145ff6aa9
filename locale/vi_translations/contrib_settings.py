"""Vietnamese admin translations for: wagtail/contrib/settings.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Sites": "Website",
    "%(model)s permissions": "Quyền %(model)s",
    "%(site_setting)s for %(site)s": "%(site_setting)s cho %(site)s",
    "This setting could not be opened because there is no site defined.": "Không thể mở cài đặt này vì chưa có website nào được thiết lập.",
    "The setting could not be saved due to errors.": "Không thể lưu cài đặt do có lỗi.",
    "%(setting_type)s updated.": "Đã cập nhật %(setting_type)s.",
}

PLURALS = {}
