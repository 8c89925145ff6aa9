"""The network's image model: Wagtail's, plus a caption and a photo credit stored once per
picture (every page that shows it uses them unless it gives its own)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    caption = models.CharField(
        _("chú thích"),
        max_length=300,
        blank=True,
        help_text=_("Hiện dưới ảnh trên trang; mỗi bài dùng ảnh có thể ghi chú thích riêng."),
    )
    credit = models.CharField(
        _("tác giả, nguồn ảnh"),
        max_length=120,
        blank=True,
        help_text=_("Ví dụ: Nguyễn Văn A hoặc Báo Lao Động. Hiện sau chú thích: “Ảnh: …”."),
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    # Wagtail's image permissions (wagtailimages.add_image…) still apply: its permission
    # policy checks them against wagtailimages.Image whatever the image model.
    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
