"""The campaign hub (chuyên trang) on the central site and its visual materials library."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Collection, Orderable
from wagtail_localize.fields import SynchronizedField

from blog.models import campaign_by_id, campaign_in, default_locale
from core.media import collection_lets_in
from sites.models import Union
from sites.pages import BasePage, IntroMixin

from .blocks import ReviewBlock
from .hub import hub_context
from .qr import qr_svg


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp diễn ra")
    RUNNING = "running", _("Đang diễn ra")
    ENDED = "ended", _("Đã kết thúc")


def campaign_status(campaign, today=None):
    """Upcoming, running or ended, from the campaign's dates and today's (local) date."""
    today = today or timezone.localdate()
    if campaign.start_date and today < campaign.start_date:
        return CampaignStatus.UPCOMING
    if campaign.end_date and today > campaign.end_date:
        return CampaignStatus.ENDED
    return CampaignStatus.RUNNING


def central_collection_path():

    return Union.objects.filter(is_central=True).values_list("collection__path", flat=True).first()


class CampaignHubPage(RoutablePageMixin, IntroMixin, BasePage):
    """A campaign's special page (chuyên trang): figures, articles from every union,
    documents and visual materials. One per campaign, on the central site."""

    gathers_network = True  # purged from the frontend cache with any change (pagecache)
    linked_from_every_site = True  # in every site's navigation (campaigns.navigation)

    campaign = models.ForeignKey(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        on_delete=models.PROTECT,
        limit_choices_to=default_locale,
        related_name="hub_pages",
        help_text=_("Mỗi chương trình chỉ có một chuyên trang."),
    )

    review = StreamField(
        ReviewBlock(),
        verbose_name=_("nhìn lại chặng đường"),
        blank=True,
        help_text=_("Dòng thời gian và con số qua các năm, cho các đợt tổng kết."),
    )

    market_name = models.CharField(
        _("tên sàn thương mại điện tử"),
        max_length=120,
        blank=True,
        help_text=_("Nếu chương trình có chợ trực tuyến, ví dụ Chợ Tết Công đoàn."),
    )
    market_url = models.URLField(_("địa chỉ sàn"), blank=True, max_length=500)
    market_intro = models.TextField(_("giới thiệu sàn"), blank=True, max_length=500)

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("campaign")]
        + IntroMixin.intro_panels
        + [FieldPanel("review")]
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("market_name"), FieldPanel("market_url")]),
                    FieldPanel("market_intro"),
                ],
                heading=_("Chợ trực tuyến"),
            ),
            InlinePanel(
                "partners",
                label=_("Đơn vị"),
                heading=_("Doanh nghiệp, thương hiệu đồng hành"),
            ),
            InlinePanel(
                "materials",
                label=_("Tài liệu"),
                heading=_("Tài liệu tuyên truyền trực quan"),
                help_text=_(
                    "Áp phích, băng rôn (ảnh) và phụ lục (tài liệu) trong thư mục dùng chung "
                    "của trang trung tâm; các công đoàn tải về và in."
                ),
            ),
            InlinePanel(
                "document_links",
                label=_("Văn bản"),
                heading=_("Văn bản, hướng dẫn của chương trình"),
            ),
        ]
    )
    search_fields = BasePage.search_fields + IntroMixin.search_fields
    # One campaign whatever the language of the hub (blog.models.taxonomy).
    override_translatable_fields = [SynchronizedField("campaign")]

    parent_page_types = ["home.CentralHomePage"]
    subpage_types = ["blog.DocumentPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("chuyên trang chương trình")
        verbose_name_plural = _("chuyên trang chương trình")

    def clean(self):
        super().clean()
        if self.campaign_id:
            others = CampaignHubPage.objects.filter(campaign_id=self.campaign_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if self.translation_key:
                others = others.exclude(translation_key=self.translation_key)
            if others.exists():
                raise ValidationError(
                    {
                        "campaign": _(
                            "Chương trình này đã có chuyên trang; mỗi chương trình một trang."
                        )
                    }
                )

    def search_text_parts(self):
        campaign = campaign_in(self.campaign_id, self.locale_id)
        extra = [campaign.name, campaign.slogan] if campaign else []
        return [*super().search_text_parts(), *extra]

    @property
    def feed_campaign(self):
        """The campaign whose feed the page announces in <head> (see feed_tags)."""

        return campaign_in(self.campaign_id, self.locale_id)

    @cached_property
    def status(self):

        return campaign_status(campaign_by_id(self.campaign_id) or self.campaign)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(hub_context(self, request, self.page_network(request)))
        return context

    def poster_print_url(self, request, image_id):
        return self.get_url(request) + self.reverse_subpage(
            "poster_print", kwargs={"image_id": image_id}
        )

    @path("tai-ve/<int:image_id>/", name="material_download")
    def material_download(self, request, image_id):
        """The original file of a poster or banner of the materials, as a download: the
        hub's privacy applies (Wagtail checks it before routing here), and the image's
        collection's too; originals are never served under /media/ (cms/media.py)."""

        material = (
            CampaignMaterial.objects.filter(page=self, image_id=image_id)
            .select_related("image__collection")
            .first()
        )
        if material is None or not collection_lets_in(request, material.image.collection):
            raise Http404
        image = material.image
        try:
            handle = image.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(handle, as_attachment=True, filename=image.filename)
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @path("in-poster/<int:image_id>/", name="poster_print")
    def poster_print(self, request, image_id):
        """A poster of the materials, large, with a QR code to this page, ready to print."""

        material = (
            CampaignMaterial.objects.filter(page=self, image_id=image_id)
            .select_related("image")
            .first()
        )
        if material is None:
            raise Http404
        hub_url = self.get_full_url(request)
        return self.render(
            request,
            template="campaigns/poster_print.html",
            context_overrides={
                "material": material,
                "hub_url": hub_url,
                "qr_svg": qr_svg(hub_url),
                "status": self.status,
            },
        )


class MaterialKind(models.TextChoices):
    POSTER = "poster", _("Áp phích")
    BANNER = "banner", _("Băng rôn, banner")
    APPENDIX = "appendix", _("Phụ lục")
    OTHER = "other", _("Tài liệu khác")


class CampaignMaterial(Orderable):
    """One item of the visual materials library: an image (poster, banner) or a document."""

    page = ParentalKey(CampaignHubPage, related_name="materials", on_delete=models.CASCADE)
    kind = models.CharField(
        _("loại"), max_length=20, choices=MaterialKind.choices, default=MaterialKind.POSTER
    )
    title = models.CharField(_("tên tài liệu"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True, max_length=500)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh (áp phích, băng rôn)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp tài liệu"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("document")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tài liệu tuyên truyền trực quan")
        verbose_name_plural = _("tài liệu tuyên truyền trực quan")

    def __str__(self):
        return self.title

    @property
    def file(self):
        return self.image if self.image_id else self.document

    def clean(self):
        super().clean()
        if bool(self.image_id) == bool(self.document_id):
            raise ValidationError(_("Chọn một ảnh hoặc một tệp tài liệu (không chọn cả hai)."))
        central_path = central_collection_path()
        chosen = self.image if self.image_id else self.document
        field = "image" if self.image_id else "document"
        in_central = Collection.objects.filter(
            pk=chosen.collection_id, path__startswith=central_path or ""
        ).exists()
        if central_path and not in_central:
            raise ValidationError(
                {
                    field: _(
                        "Chỉ dùng ảnh, tài liệu trong thư mục dùng chung của trang trung tâm, "
                        "để mọi công đoàn tải về được."
                    )
                }
            )


class CampaignHubDocument(Orderable):
    """An official document (document page) of the campaign, listed on its hub."""

    page = ParentalKey(CampaignHubPage, related_name="document_links", on_delete=models.CASCADE)
    document_page = models.ForeignKey(
        "blog.DocumentPage",
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("document_page", "blog.DocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản của chương trình")
        verbose_name_plural = _("văn bản của chương trình")


class CampaignPartner(Orderable):
    """A business or brand taking part in the campaign (Chợ Tết's partners), shown on its hub."""

    page = ParentalKey(CampaignHubPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("tên doanh nghiệp, thương hiệu"), max_length=200)
    description = models.CharField(_("giới thiệu ngắn"), max_length=300, blank=True)
    url = models.URLField(_("trang web"), blank=True, max_length=500)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("url")]),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("đơn vị đồng hành")
        verbose_name_plural = _("đơn vị đồng hành")

    def __str__(self):
        return self.name
