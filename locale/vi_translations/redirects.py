"""Vietnamese admin translations for: wagtail/contrib/redirects.

TRANSLATIONS: msgid -> msgstr.
PLURALS: singular msgid -> the single Vietnamese form (msgstr[0]); write it with the
placeholders of msgid_plural, since Vietnamese uses one form for every count.
Keys with a msgctxt are written "context\x04msgid".
Entries are in the order of the English catalogs; edit freely, then run
`.venv/bin/python locale/build_vi_catalog.py`.
"""

TRANSLATIONS = {
    "Wagtail redirects": "Chuyển hướng Wagtail",
    "Permanent": "Vĩnh viễn",
    "Temporary": "Tạm thời",
    "From site": "Từ website",
    "All sites": "Tất cả website",
    "A redirect with this path already exists.": "Đã có chuyển hướng với đường dẫn này.",
    "File to import": "Tệp cần nhập",
    "From field": "Cột nguồn",
    "To field": "Cột đích",
    "redirect from": "chuyển hướng từ",
    "permanent": "vĩnh viễn",
    "Recommended. Permanent redirects ensure search engines forget the old page (the 'Redirect from') and index the new page instead.": "Khuyến nghị. Chuyển hướng vĩnh viễn giúp công cụ tìm kiếm quên trang cũ ('Chuyển hướng từ') và lập chỉ mục trang mới thay thế.",
    "redirect to a page": "chuyển hướng tới trang",
    "target page route": "route của trang đích",
    "Optionally specify a route on the target page to redirect to. Leave blank to redirect to the default page route.": "Có thể chỉ định một route trên trang đích để chuyển hướng tới. Để trống để chuyển tới route mặc định của trang.",
    "redirect to any URL": "chuyển hướng tới URL bất kỳ",
    "automatically created": "được tạo tự động",
    "temporary": "tạm thời",
    "redirect": "chuyển hướng",
    "redirects": "chuyển hướng",
    "Redirects": "Chuyển hướng",
    "Import redirects": "Nhập chuyển hướng",
    "<p>Select a file where redirects are separated into rows and contains the columns representing <code>from</code> and <code>to</code> (they can be named anything).</p> <p>After submitting you will be taken to a confirmation view where you can customize your redirects before import.</p>": "<p>Chọn tệp trong đó mỗi chuyển hướng nằm trên một dòng, có các cột tương ứng với <code>from</code> (nguồn) và <code>to</code> (đích) (tên cột tùy ý).</p> <p>Sau khi gửi, bạn sẽ được chuyển tới trang xác nhận để điều chỉnh các chuyển hướng trước khi nhập.</p>",
    "Import": "Nhập",
    "Delete redirect %(title)s": "Xóa chuyển hướng %(title)s",
    "Are you sure you want to delete this redirect?": "Bạn có chắc muốn xóa chuyển hướng này không?",
    "Confirm import": "Xác nhận nhập",
    "Summary": "Tóm tắt",
    "Found %(total)s redirects, created %(successes)s and found %(errors)s errors.": "Tìm thấy %(total)s chuyển hướng, đã tạo %(successes)s và gặp %(errors)s lỗi.",
    "From": "Từ",
    "To": "Đến",
    "Error": "Lỗi",
    'Sorry, no redirects match "<em>%(query_string)s</em>"': 'Xin lỗi, không có chuyển hướng nào khớp với "<em>%(query_string)s</em>"',
    'No redirects have been created. Why not <a href="%(wagtailredirects_add_redirect_url)s">add one</a>?': 'Chưa có chuyển hướng nào. Hãy <a href="%(wagtailredirects_add_redirect_url)s">thêm mới</a>.',
    "Add redirect": "Thêm chuyển hướng",
    "The redirect could not be saved due to errors.": "Không thể lưu chuyển hướng do có lỗi.",
    "Redirect '%(redirect_title)s' updated.": "Đã cập nhật chuyển hướng '%(redirect_title)s'.",
    "Redirect '%(redirect_title)s' deleted.": "Đã xóa chuyển hướng '%(redirect_title)s'.",
    "The redirect could not be created due to errors.": "Không thể tạo chuyển hướng do có lỗi.",
    "Redirect '%(redirect_title)s' added.": "Đã thêm chuyển hướng '%(redirect_title)s'.",
    "Search redirects": "Tìm chuyển hướng",
    'File format of type "%(extension)s" is not supported.': 'Định dạng tệp "%(extension)s" không được hỗ trợ.',
    "Imported file has a wrong encoding: %(error_message)s.": "Tệp được nhập có bảng mã sai: %(error_message)s.",
    "%(error)s encountered while trying to read file: %(filename)s.": "Gặp lỗi %(error)s khi đọc tệp: %(filename)s.",
}

PLURALS = {
    "Imported %(total)d redirect": "Đã nhập %(total)d chuyển hướng",
}
