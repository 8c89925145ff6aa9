"""Vietnamese admin translations for: wagtail/embeds.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Wagtail embeds": "Nội dung nhúng Wagtail",
    "Cannot find an embed for this URL.": "Không tìm thấy nội dung nhúng cho URL này.",
    "Please enter a valid URL": "Vui lòng nhập URL hợp lệ",
    "embed": "nội dung nhúng",
    "embeds": "nội dung nhúng",
    "Insert embed": "Chèn nội dung nhúng",
    "Insert": "Chèn",
    "There seems to be a problem with your embedly API key. Please check your settings.": "Có vẻ có vấn đề với API key Embedly của bạn. Vui lòng kiểm tra cài đặt.",
    "There seems to be an error with Embedly while trying to embed this URL. Please try again later.": "Có vẻ Embedly gặp lỗi khi nhúng URL này. Vui lòng thử lại sau.",
    "Embed": "Nhúng",
}

PLURALS = {}
