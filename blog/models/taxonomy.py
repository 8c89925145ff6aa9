"""Shared, centrally managed taxonomy: campaigns and the column (chuyên mục) types."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.text import slugify_vi
from pagecache.snapshot import cached


class SlugFromNameMixin(models.Model):
    """A slug folded from the name when left blank; unique within a locale."""

    slug = models.SlugField(
        _("đường dẫn"),
        max_length=80,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên (không dấu)."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.slug = slugify_vi(self.slug or self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = slugify_vi(self.slug or self.name)
        if not self.slug:
            raise ValidationError({"name": _("Tên phải có ít nhất một chữ cái hoặc chữ số.")})


class Campaign(TranslatableMixin, SlugFromNameMixin, index.Indexed):
    """A communications campaign (chương trình / đợt truyền thông), e.g. "Tết Sum vầy"."""

    name = models.CharField(_("tên chương trình"), max_length=200)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"))
    slogan = models.CharField(_("khẩu hiệu"), max_length=255, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    hashtag = models.CharField(
        _("hashtag"),
        max_length=60,
        blank=True,
        help_text=_("Ví dụ: #TetSumVay, dùng khi chia sẻ lên Facebook, Zalo."),
    )
    columns = models.ManyToManyField(
        "blog.Column",
        verbose_name=_("chuyên mục của chương trình"),
        blank=True,
        related_name="campaigns",
        help_text=_(
            "Mỗi công đoàn đang hoạt động có sẵn một chuyên mục cho từng mục chọn ở đây, "
            "khi chương trình đang hoặc sắp diễn ra."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("slogan"),
        FieldPanel("description"),
        FieldPanel("hashtag"),
        FieldPanel("columns", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("chương trình truyền thông")
        verbose_name_plural = _("chương trình truyền thông")
        ordering = ["-start_date", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class Column(TranslatableMixin, SlugFromNameMixin, index.Indexed):
    """A column type (chuyên mục) shared across the network; each site's column page picks one."""

    name = models.CharField(_("tên chuyên mục"), max_length=120)
    description = models.TextField(_("mô tả"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("chuyên mục dùng chung")
        verbose_name_plural = _("chuyên mục dùng chung")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


# Cached lookups (the network snapshot: pagecache.snapshot), for listings and filters.


def campaign_by_id(campaign_id):
    """A campaign by id, from the cached list of all campaigns (None if there is none)."""
    if campaign_id is None:
        return None
    return cached("campaigns-by-id", lambda: {c.pk: c for c in Campaign.objects.all()}).get(
        campaign_id
    )


def campaign_choices(locale_id, request=None):
    """The campaigns of a locale (filter choices, home page list), cached."""
    return cached(
        f"campaigns:{locale_id}",
        lambda: list(Campaign.objects.filter(locale_id=locale_id)),
        request,
    )


def all_columns():
    """Every column, in their usual order, cached."""
    return cached("columns", lambda: list(Column.objects.all()))


def column_choices(locale_id, request=None):
    """The columns of a locale (filter choices), cached."""
    return cached(
        f"columns:{locale_id}", lambda: list(Column.objects.filter(locale_id=locale_id)), request
    )
