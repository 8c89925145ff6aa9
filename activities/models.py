"""What a union does and what the press says of it: events (fairs, visits, gift-giving,
consultations) and press coverage. Both are pages of the union's own tree, so Wagtail's page
permissions, the approval workflow and the admin isolation apply to them as to articles."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from blog.blocks import ArticleBodyBlock
from blog.models import campaign_in, default_locale, take_column_campaign
from sites.network import get_network
from sites.pages import BasePage, IntroMixin, LeadImageMixin

# Where a union files its events and press coverage: a column (its campaign then applies)
# or the home page.
PARENT_PAGE_TYPES = ["blog.ColumnPage", "home.UnionHomePage", "home.CentralHomePage"]
OSM = "https://www.openstreetmap.org/"


class EventKind(models.TextChoices):
    MARKET = "market", _("Chợ Tết, gian hàng 0 đồng")
    LEGAL = "legal", _("Tư vấn pháp luật")
    HEALTH = "health", _("Tư vấn, khám sức khỏe")
    GIFTS = "gifts", _("Thăm hỏi, tặng quà")
    CULTURE = "culture", _("Giao lưu văn hóa, văn nghệ")
    SPORTS = "sports", _("Thể dục, thể thao")
    MEETING = "meeting", _("Hội nghị, tọa đàm")
    OTHER = "other", _("Hoạt động khác")


class CampaignFromColumnMixin(models.Model):
    """A campaign, taken from the parent column when the editor leaves it empty."""

    campaign = models.ForeignKey(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=default_locale,
        related_name="+",
        help_text=_("Để trống để lấy theo chuyên mục."),
    )

    # The same campaign in every language (blog.models.taxonomy).
    override_translatable_fields = [SynchronizedField("campaign")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        take_column_campaign(self)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["union"] = get_network(request).site_for_path(self.path)
        context["campaign"] = campaign_in(self.campaign_id, self.locale_id, request)
        context["breadcrumbs"] = self.breadcrumbs(request)
        return context


class EventPage(RoutablePageMixin, CampaignFromColumnMixin, IntroMixin, LeadImageMixin, BasePage):  # noqa: DJ008 (Page.__str__)
    """A fair, visit, gift-giving or consultation day: when, where, what kind, who organises
    (the union whose site holds it)."""

    shows_network_content = False
    structural = False  # as many as the unions hold (sites.pages.route_map)

    start = models.DateTimeField(_("bắt đầu"), db_index=True)
    end = models.DateTimeField(_("kết thúc"), db_index=True)
    kind = models.CharField(
        _("loại hoạt động"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER
    )
    place = models.CharField(
        _("địa điểm"), max_length=200, help_text=_("Ví dụ: Nhà văn hóa Lao động tỉnh.")
    )
    address = models.CharField(
        _("địa chỉ"), max_length=300, blank=True, help_text=_("Số nhà, đường, phường, tỉnh.")
    )
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Không bắt buộc: để bản đồ chỉ đúng chỗ (lấy trên openstreetmap.org)."),
    )
    partners = models.CharField(
        _("đơn vị phối hợp"), max_length=300, blank=True, help_text=_("Nếu có.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Địa điểm"),
        ),
        FieldPanel("partners"),
        *IntroMixin.intro_panels,
        *LeadImageMixin.lead_image_panels,
        FieldPanel("body"),
        FieldPanel("campaign"),
    ]
    search_fields = (
        BasePage.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("place"),
            index.SearchField("address"),
            index.FilterField("start"),
            index.FilterField("campaign"),
        ]
    )

    parent_page_types = PARENT_PAGE_TYPES
    subpage_types = []

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")
        if errors:
            raise ValidationError(errors)

    def search_text_parts(self):
        body = self.body.stream_block.get_searchable_content(self.body)
        return [*super().search_text_parts(), self.place, self.address, self.partners, *body]

    @property
    def date(self):
        """The local day it starts (the search index and the sitemap use it)."""
        return timezone.localtime(self.start).date() if self.start else None

    @property
    def same_day(self):
        return same_day(self.start, self.end)

    @property
    def map_url(self):
        return map_url(self.latitude, self.longitude, self.place, self.address)

    def status(self, now=None):
        now = now or timezone.now()
        if now < self.start:
            return "upcoming"
        return "ongoing" if now <= self.end else "past"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["status"] = self.status()
        context["calendar_url"] = self.get_url(request) + self.reverse_subpage("calendar")
        return context

    @path("lich/", name="calendar")
    def calendar(self, request):
        """This event alone, to add to a phone's calendar."""
        from .calendar import calendar_response

        return calendar_response(request, [self], self.title, filename=f"{self.slug}.ics")


def same_day(start, end):
    """Whether an event starts and ends on the same local day."""
    return timezone.localtime(start).date() == timezone.localtime(end).date()


def map_url(latitude, longitude, place="", address=""):
    """An OpenStreetMap link (no script of theirs on our pages): the point when known, a
    search for the address otherwise."""
    if latitude is not None and longitude is not None:
        return f"{OSM}?mlat={latitude}&mlon={longitude}#map=17/{latitude}/{longitude}"
    query = ", ".join(part for part in (place, address) if part)
    return f"{OSM}search?{urlencode({'query': query})}" if query else ""


class PressMentionPage(CampaignFromColumnMixin, IntroMixin, BasePage):  # noqa: DJ008 (Page.__str__)
    """An article the press published about the union (báo chí viết về): outlet, headline
    (the title), date and link. Counted in the union's result report."""

    shows_network_content = False
    structural = False  # as many as the press writes (sites.pages.route_map)

    outlet = models.CharField(
        _("báo, tạp chí"), max_length=120, help_text=_("Ví dụ: Báo Lao Động.")
    )
    date = models.DateField(_("ngày đăng"), default=timezone.localdate, db_index=True)
    link = models.URLField(_("đường dẫn bài báo"), max_length=500)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("outlet"), FieldPanel("date")]),
        FieldPanel("link"),
        *IntroMixin.intro_panels,
        FieldPanel("campaign"),
    ]
    search_fields = (
        BasePage.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("outlet"),
            index.FilterField("date"),
            index.FilterField("campaign"),
        ]
    )

    parent_page_types = PARENT_PAGE_TYPES
    subpage_types = []

    class Meta:
        verbose_name = _("báo chí viết về")
        verbose_name_plural = _("báo chí viết về")

    def search_text_parts(self):
        return [*super().search_text_parts(), self.outlet]
