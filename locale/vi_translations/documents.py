"""Vietnamese admin translations for: wagtail/documents.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Wagtail documents": "Tài liệu Wagtail",
    "Maximum filesize: %(max_upload_size)s.": "Dung lượng tối đa: %(max_upload_size)s.",
    "Add/edit documents you own": "Thêm/sửa tài liệu của mình",
    "Edit any document": "Sửa mọi tài liệu",
    "Select documents in choosers": "Chọn tài liệu trong bộ chọn",
    "document": "tài liệu",
    "documents": "tài liệu",
    "Add tags to documents": "Gắn thẻ cho tài liệu",
    "Add documents to collection": "Thêm tài liệu vào thư mục",
    "Delete documents": "Xóa tài liệu",
    "Latest documents": "Tài liệu mới nhất",
    'Sorry, no documents match "<em>%(search_query)s</em>"': 'Xin lỗi, không có tài liệu nào khớp với "<em>%(search_query)s</em>"',
    "You haven't uploaded any documents in this collection.": "Bạn chưa tải lên tài liệu nào trong thư mục này.",
    "You haven't uploaded any documents.": "Bạn chưa tải lên tài liệu nào.",
    "Change document:": "Đổi tài liệu:",
    "Add a document": "Thêm tài liệu",
    "Select all documents in listing": "Chọn tất cả tài liệu trong danh sách",
    'Sorry, no documents match "<em>%(query_string)s</em>"': 'Xin lỗi, không có tài liệu nào khớp với "<em>%(query_string)s</em>"',
    'You haven\'t uploaded any documents in this collection. Why not <a href="%(wagtaildocs_add_document_url)s">upload one now</a>?': 'Bạn chưa tải lên tài liệu nào trong thư mục này. Hãy <a href="%(wagtaildocs_add_document_url)s">tải lên ngay</a>.',
    'You haven\'t uploaded any documents. Why not <a href="%(wagtaildocs_add_document_url)s">upload one now</a>?': 'Bạn chưa tải lên tài liệu nào. Hãy <a href="%(wagtaildocs_add_document_url)s">tải lên ngay</a>.',
    "Add multiple documents": "Thêm nhiều tài liệu",
    "Drag and drop documents into this area to upload immediately.": "Kéo thả tài liệu vào vùng này để tải lên ngay.",
    "Upload successful. Please update this document with a more appropriate title, if necessary. You may also delete the document completely if the upload wasn't required.": "Tải lên thành công. Vui lòng cập nhật tiêu đề phù hợp hơn cho tài liệu nếu cần. Bạn cũng có thể xóa hẳn tài liệu nếu không cần tải lên.",
    "Document updated.": "Đã cập nhật tài liệu.",
    "You need a password to access this document.": "Bạn cần mật khẩu để truy cập tài liệu này.",
    "Document permissions": "Quyền tài liệu",
    "Add a document permission": "Thêm quyền tài liệu",
    "Add tags to the selected documents": "Gắn thẻ cho các tài liệu đã chọn",
    "Add selected documents to collection": "Thêm các tài liệu đã chọn vào thư mục",
    "Delete selected documents": "Xóa các tài liệu đã chọn",
    "File": "Tệp",
    "Choose a document": "Chọn tài liệu",
    "Choose another document": "Chọn tài liệu khác",
    "Edit this document": "Sửa tài liệu này",
    "Documents": "Tài liệu",
    "The document could not be created due to errors.": "Không thể tạo tài liệu do có lỗi.",
    "Document '%(document_title)s' added.": "Đã thêm tài liệu '%(document_title)s'.",
    "The document could not be saved due to errors.": "Không thể lưu tài liệu do có lỗi.",
    "Document '%(document_title)s' updated": "Đã cập nhật tài liệu '%(document_title)s'",
    "The file could not be found. Please change the source or delete the document.": "Không tìm thấy tệp. Vui lòng đổi tệp nguồn hoặc xóa tài liệu.",
    "Delete document": "Xóa tài liệu",
    "Document '%(document_title)s' deleted.": "Đã xóa tài liệu '%(document_title)s'.",
    "Add documents": "Thêm tài liệu",
    "Document": "Tài liệu",
}

PLURALS = {
    "Add tags to 1 document": "Gắn thẻ cho %(counter)s tài liệu",
    "Are you sure you want to tag the following document?": "Bạn có chắc muốn gắn thẻ cho các tài liệu sau không?",
    "You don't have permission to add tags to this document": "Bạn không có quyền gắn thẻ cho các tài liệu này",
    "Add 1 document to new collection": "Thêm %(counter)s tài liệu vào thư mục mới",
    "Are you sure you want to add the following document to the selected collection?": "Bạn có chắc muốn thêm các tài liệu sau vào thư mục đã chọn không?",
    "You don't have permission to add this document to a collection": "Bạn không có quyền thêm các tài liệu này vào thư mục",
    "Delete 1 document": "Xóa %(counter)s tài liệu",
    "Are you sure you want to delete this document?": "Bạn có chắc muốn xóa các tài liệu này không?",
    "You don't have permission to delete this document": "Bạn không có quyền xóa các tài liệu này",
    '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>': '%(total)s tài liệu <span class="w-sr-only">được tạo trong %(site_name)s</span>',
    "New tags have been added to %(num_parent_objects)d document": "Đã gắn thẻ mới cho %(num_parent_objects)d tài liệu",
    "%(num_parent_objects)d document has been added to %(collection)s": "Đã thêm %(num_parent_objects)d tài liệu vào %(collection)s",
    "%(num_parent_objects)d document has been deleted": "Đã xóa %(num_parent_objects)d tài liệu",
    "%(count)s document": "%(count)s tài liệu",
}
