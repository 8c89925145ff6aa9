"""Checks on uploaded images and documents, through Wagtail's own extension points (the image
and document form bases): every bad file gets a clear form error, never a 500, and nothing is
saved.

Wagtail's image field opens an upload with Willow, which reads only the header, then asks it
for its size, which decodes the whole picture: a truncated or corrupt file raises an error that
Wagtail does not catch (a 500), and a picture of 128 megapixels is decoded in full before its
size is even compared with the limit. ``CheckedImageField`` reads the size from the header,
refuses anything over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` before decoding it, then decodes what
is left once, so a file Pillow cannot read is refused here and not when it is resized.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField

INVALID_IMAGE = _(
    "Tệp này không phải là ảnh, hoặc ảnh bị hỏng hay không trọn vẹn (chẳng hạn tải về chưa "
    "xong). Hãy mở thử ảnh trên máy, lưu lại dưới dạng JPG hoặc PNG rồi tải lên lại."
)
SVG_REFUSED = _(
    "Không nhận ảnh SVG: tệp SVG có thể chứa mã chạy trong trình duyệt của người đọc. "
    "Hãy xuất ảnh sang PNG hoặc JPG rồi tải lên lại."
)
TOO_MANY_PIXELS = _(
    "Ảnh quá lớn: %(size)s (%(megapixels)s megapixel), tối đa %(max)s megapixel. "
    "Hãy thu nhỏ ảnh (cạnh dài khoảng 4.000 điểm ảnh là đủ cho trang tin) rồi tải lên lại."
)
TOO_MANY_PIXELS_UNKNOWN = _("Ảnh quá lớn: hơn %(max)s megapixel. Hãy thu nhỏ ảnh rồi tải lên lại.")
WRONG_EXTENSION = _(
    "Đuôi tệp là .%(extension)s nhưng nội dung là ảnh %(image_format)s. "
    "Hãy đổi đuôi tệp cho đúng hoặc lưu lại ảnh rồi tải lên lại."
)
UNSUPPORTED_IMAGE = _("Định dạng ảnh không được hỗ trợ. Chỉ nhận ảnh %(formats)s.")
UNSUPPORTED_DOCUMENT = _("Không nhận tệp %(extension)s. Chỉ nhận các loại tệp: %(formats)s.")


def megapixels(pixels):
    return number_format(pixels / 1_000_000, decimal_pos=1)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with the size read from the header and checked before the image
    is decoded, broken files refused with a form error, SVG refused by name and by content,
    and the messages in Vietnamese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = INVALID_IMAGE
        self.error_messages["invalid_image_extension"] = UNSUPPORTED_IMAGE % {
            "formats": self.supported_formats_text
        }
        self.error_messages["invalid_image_known_format"] = WRONG_EXTENSION

    def check_image_file_format(self, f):
        extension = os.path.splitext(f.name)[1].lower()[1:]
        if extension == "svg" or f.image.format_name == "svg":
            raise ValidationError(SVG_REFUSED, code="svg")
        super().check_image_file_format(f)

    def check_image_pixel_size(self, f):
        f.seek(0)
        try:
            with PILImage.open(f) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
                self.check_pixel_count(width, height, frames)
                if image.format == "JPEG":
                    # Decoded at 1/8 scale: every byte is still read, in 1/64 of the memory.
                    image.draft(image.mode, (width // 8, height // 8))
                image.load()  # a truncated or corrupt file fails here, within the limit
        except ValidationError:
            raise
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            # Pillow's own limit (far above ours) stopped it while reading the header.
            raise ValidationError(
                TOO_MANY_PIXELS_UNKNOWN
                % {"max": megapixels(self.max_image_pixels or PILImage.MAX_IMAGE_PIXELS * 2)},
                code="file_too_many_pixels",
            ) from None
        except Exception as error:  # whatever Pillow raises, this is no usable image
            raise ValidationError(INVALID_IMAGE, code="invalid_image") from error
        finally:
            f.seek(0)

    def check_pixel_count(self, width, height, frames):
        if self.max_image_pixels is None:
            return
        pixels = width * height * frames
        if pixels > self.max_image_pixels:
            size = f"{width} × {height} điểm ảnh"
            if frames > 1:
                size += f" × {frames} khung hình"
            raise ValidationError(
                TOO_MANY_PIXELS
                % {
                    "size": size,
                    "megapixels": megapixels(pixels),
                    "max": megapixels(self.max_image_pixels),
                },
                code="file_too_many_pixels",
            )


def use_checked_image_field(form):
    """Put a CheckedImageField in place of the "file" field Wagtail's form factory made."""
    field = form.fields.get("file")
    if field is None or isinstance(field, CheckedImageField):
        return
    form.fields["file"] = CheckedImageField(
        label=field.label, required=field.required, widget=field.widget
    )


class CheckedDocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): the size limit is
    Wagtail's (WAGTAILDOCS_MAX_UPLOAD_SIZE); the allowed types are checked here with a
    Vietnamese message, and a refused file shows only its own errors."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if upload is not None and allowed:
            extension = os.path.splitext(upload.name)[1].lower()[1:]
            if extension not in allowed:
                raise ValidationError(
                    UNSUPPORTED_DOCUMENT
                    % {
                        "extension": f".{extension}" if extension else _("không có đuôi"),
                        "formats": ", ".join(e.upper() for e in allowed),
                    },
                    code="invalid_extension",
                )
        return upload

    def clean(self):
        cleaned_data = super().clean()
        # The model's clean(), run after this, checks the extension of the file the instance
        # holds, which is none when the upload was refused: its (English) message about an
        # empty extension would only follow the real one.
        self._own_file_errors = len(self._errors.get("file", []))
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        own = getattr(self, "_own_file_errors", 0)
        if own and "file" in self._errors:
            del self._errors["file"][own:]
