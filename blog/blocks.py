"""StreamField blocks for the body of articles."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageValue(blocks.StructValue):
    """A picture's caption and credit as shown: this use's own, or those stored with the image."""

    @property
    def shown_caption(self):
        return self.get("caption") or getattr(self.get("image"), "caption", "")

    @property
    def shown_credit(self):
        return self.get("credit") or getattr(self.get("image"), "credit", "")


class ImageWithCaptionBlock(blocks.StructBlock):
    """A picture with its caption and credit: those stored with the image unless given here."""

    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(
        label=_("Chú thích"),
        required=False,
        max_length=300,
        help_text=_("Để trống để dùng chú thích lưu cùng ảnh."),
    )
    credit = blocks.CharBlock(
        label=_("Tác giả ảnh"),
        required=False,
        max_length=120,
        help_text=_("Để trống để dùng tác giả, nguồn lưu cùng ảnh."),
    )

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (image.description or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "image": ValidationError(
                        _("Ảnh “%(title)s” chưa có mô tả (văn bản thay thế)."),
                        params={"title": image.title},
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "blog/blocks/image_with_caption.html"
        value_class = ImageValue


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)
    images = blocks.ListBlock(ImageWithCaptionBlock(), label=_("Ảnh"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Phóng sự ảnh")
        template = "blog/blocks/gallery.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Lời trích dẫn"))
    speaker = blocks.CharBlock(label=_("Người nói"), max_length=120)
    role = blocks.CharBlock(label=_("Chức vụ, đơn vị"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn ý kiến")
        template = "blog/blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Nội dung"), max_length=120)
    number = blocks.DecimalBlock(label=_("Con số"), min_value=0, decimal_places=0)
    unit = blocks.CharBlock(label=_("Đơn vị"), required=False, max_length=40)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Các con số"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Những con số tiêu biểu")
        template = "blog/blocks/key_figures.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Địa chỉ video (YouTube, Facebook…)"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blog/blocks/video.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tệp"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Tải tài liệu")
        template = "blog/blocks/document_download.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Nội dung nút"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Trang trong hệ thống"), required=False)
    url = blocks.URLBlock(label=_("Hoặc địa chỉ ngoài"), required=False)

    class Meta:
        icon = "link"
        label = _("Lời kêu gọi (nút liên kết)")
        template = "blog/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Chọn một trang hoặc nhập một địa chỉ (chỉ một trong hai).")}
            )
        return value


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blog/blocks/paragraph.html",
    )
    image = ImageWithCaptionBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    video = VideoBlock()
    document = DocumentDownloadBlock()
    call_to_action = CallToActionBlock()
