"""Images need a text alternative: readers using screen readers get the picture described."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .uploads import use_checked_image_field

ALT_TEXT_HELP = _(
    "Bắt buộc. Tả ngắn gọn nội dung ảnh cho người không xem được ảnh, "
    "ví dụ: “Chủ tịch Công đoàn trao quà Tết cho đoàn viên”."
)


class AltTextRequiredImageForm(BaseImageForm):
    """The admin's image form (upload, edit, chooser upload) with the description required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_checked_image_field(self)  # broken, oversized and SVG files: a form error, no 500
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = _("Mô tả ảnh (văn bản thay thế)")
            field.help_text = ALT_TEXT_HELP

    def clean_description(self):
        description = (self.cleaned_data.get("description") or "").strip()
        if not description:
            self.add_error("description", _("Hãy nhập mô tả ảnh."))
        return description
