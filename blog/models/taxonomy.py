"""Shared, centrally managed taxonomy: campaigns and the column (chuyên mục) types."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from core.text import slugify_vi
from pagecache.snapshot import cached


def default_locale():
    """`limit_choices_to` of the pages' campaign and column fields: default-language rows."""
    return models.Q(locale__language_code=Locale.get_default().language_code)


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
        limit_choices_to=default_locale,
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
    # What a translation changes (campaign_choices); dates and columns are the campaign's own.
    translated_words = ("name", "slogan", "description", "hashtag")

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
    translated_words = ("name", "description")  # see column_choices

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("chuyên mục dùng chung")
        verbose_name_plural = _("chuyên mục dùng chung")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


# Cached lookups (the network snapshot: pagecache.snapshot), for listings and filters.
#
# A campaign or a column is identified by its row in the default language (Vietnamese): pages
# of every language point at that row (their `campaign`/`column` fields are synchronised, not
# translated: see SHARED_CONTENT_FIELDS), so filters, feeds and hubs mean the same thing in every
# language. Its rows in other locales (translations made by the centre with wagtail-localize)
# carry only its words; `campaign_choices(locale)` and `column_choices(locale)` give the
# default rows dressed in the locale's words, falling back to Vietnamese where none exists.


def _dressed(model, words, locale_id):
    """The model's default-language rows, each with its `words` taken from its translation
    into `locale_id` where there is one (copies: the rows themselves stay untouched)."""
    rows = list(model.objects.all())
    default_id = Locale.get_default().pk
    translations = {r.translation_key: r for r in rows if r.locale_id == locale_id}
    dressed = []
    for row in rows:
        if row.locale_id != default_id:
            continue
        translation = translations.get(row.translation_key)
        if translation is not None and translation.pk != row.pk:
            row = copy.copy(row)
            for name in words:
                setattr(row, name, getattr(translation, name) or getattr(row, name))
        dressed.append(row)
    return dressed


def campaign_by_id(campaign_id):
    """A campaign by id, from the cached list of all campaigns (None if there is none)."""
    if campaign_id is None:
        return None
    return cached("campaigns-by-id", lambda: {c.pk: c for c in Campaign.objects.all()}).get(
        campaign_id
    )


def campaign_choices(locale_id, request=None):
    """The campaigns in the words of a locale (filter choices, home page list), cached."""
    return cached(
        f"campaigns:{locale_id}",
        lambda: _dressed(Campaign, Campaign.translated_words, locale_id),
        request,
    )


def campaign_in(campaign_id, locale_id, request=None):
    """The campaign `campaign_id` in the words of a locale, or None."""
    if campaign_id is None:
        return None
    by_id = {c.pk: c for c in campaign_choices(locale_id, request)}
    return by_id.get(campaign_id) or campaign_by_id(campaign_id)


def all_columns():
    """Every column, in their usual order, cached."""
    return cached("columns", lambda: list(Column.objects.all()))


def column_choices(locale_id, request=None):
    """The columns in the words of a locale (filter choices, campaign hub sections), cached."""
    return cached(
        f"columns:{locale_id}",
        lambda: _dressed(Column, Column.translated_words, locale_id),
        request,
    )
