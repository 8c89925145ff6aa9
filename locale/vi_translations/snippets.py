"""Vietnamese admin translations for: wagtail/snippets.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Wagtail snippets": "Danh mục dùng chung Wagtail",
    "Delete selected snippets": "Xóa các mục dùng chung đã chọn",
    "Delete %(snippet_type_name)s": "Xóa %(snippet_type_name)s",
    "Delete ": "Xóa ",
    "Are you sure you want to delete this %(snippet_type_name)s?": "Bạn có chắc muốn xóa %(snippet_type_name)s này không?",
    "Are you sure you want to delete %(count)s %(snippet_type_name)s?": "Bạn có chắc muốn xóa %(count)s %(snippet_type_name)s không?",
    "You don't have permission to delete this %(snippet_type_name)s": "Bạn không có quyền xóa %(snippet_type_name)s này",
    "You don't have permission to delete these %(snippet_plural_name)s": "Bạn không có quyền xóa các %(snippet_plural_name)s này",
    'Sorry, no snippets match "<em>%(search_query)s</em>"': 'Xin lỗi, không có mục dùng chung nào khớp với "<em>%(search_query)s</em>"',
    'You haven\'t created any %(snippet_type_name)s snippets. Why not <a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">create one now</a>?': 'Bạn chưa tạo %(snippet_type_name)s nào. Hãy <a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">tạo ngay</a>.',
    "Replace current revision": "Thay thế phiên bản hiện tại",
    "Select all snippets in listing": "Chọn tất cả mục dùng chung trong danh sách",
    "Snippets": "Danh mục dùng chung",
    "Instances": "Số mục",
    "Choose %(object)s": "Chọn %(object)s",
    "Choose another %(object)s": "Chọn %(object)s khác",
}

PLURALS = {
    "%(count)d %(model_name)s deleted.": "Đã xóa %(count)d %(model_name)s.",
}
