"""The network: each union (the central one and its subordinate unions) owns one Wagtail site."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.file_access import FileAccessModelForm
from core.renditions import LOGO_IMAGE_SPEC, LOGO_SPEC
from pagecache.snapshot import cached

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Nhập mã màu dạng #1a2b3c."))


class Union(models.Model):
    """A union of the network and everything provisioned for it.

    Created only by ``centre.services.provision_union``. Which union a page belongs to is
    derived from the page tree (its site's home page), never stored on the page.
    """

    name = models.CharField(_("tên công đoàn"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=60)
    # The names on the union's English pages, kept by the centre (sites.network.in_locale).
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    short_name_en = models.CharField(_("tên viết tắt tiếng Anh"), max_length=60, blank=True)
    slug = models.SlugField(_("mã"), max_length=40, unique=True)
    is_central = models.BooleanField(
        _("công đoàn cấp trên (trang trung tâm)"),
        default=False,
        help_text=_("Trang trung tâm của mạng; chỉ có một."),
    )
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.PROTECT, related_name="union"
    )
    editors_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="union_as_editors"
    )
    approvers_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="union_as_approvers"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="union"
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    suspended_user_ids = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text=_("Tài khoản bị khóa khi công đoàn ngừng hoạt động, mở lại khi hoạt động lại."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("công đoàn")
        verbose_name_plural = _("công đoàn")
        ordering = ["-is_central", "name"]
        # The central department's one right over union sites: taking a page down (unpublish),
        # checked by centre.services.take_down_page; it grants no Wagtail page permission.
        permissions = [("take_down_page", _("Gỡ bài trên trang của công đoàn"))]
        constraints = [
            models.UniqueConstraint(
                fields=["is_central"],
                condition=models.Q(is_central=True),
                name="only_one_central_union",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def home_page(self):
        return self.site.root_page

    @classmethod
    def site_is_offline(cls, home_page_id):
        return cls.objects.filter(site__root_page_id=home_page_id, is_active=False).exists()


class Department(models.Model):
    """A department of the central union (e.g. Ban Chính sách - Pháp luật - Quan hệ lao động)
    that supplies information: its editors write on the central site, their articles go
    through the centre's approval and carry the department as their source.

    Created only by ``centre.services.provision_department``.
    """

    name = models.CharField(_("tên ban"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=60)
    # Its names on English pages (sites.network.in_locale), "" when none was given.
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    short_name_en = models.CharField(_("tên viết tắt tiếng Anh"), max_length=60, blank=True)
    slug = models.SlugField(_("mã"), max_length=40, unique=True)
    editors_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="department_as_editors"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="department"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("ban chuyên môn")
        verbose_name_plural = _("các ban chuyên môn")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """Per-site branding and contact details, read with ``SiteBranding.for_request``."""

    @classmethod
    def for_site(cls, site):
        """The site's branding, from the network snapshot cache (see pagecache.snapshot), with
        its logo's renditions: every page shows them, made or found once per change."""
        if site is None:
            return super().for_site(site)

        def load():
            branding = super(SiteBranding, cls).for_site(site)
            if branding.logo is not None:
                branding.logo_renditions = {
                    spec: branding.logo.get_rendition(spec) for spec in (LOGO_SPEC, LOGO_IMAGE_SPEC)
                }
            return branding

        return cached(f"site-branding:{site.pk}", load)

    def logo_rendition(self, spec):
        """The logo's rendition for `spec` (None without a logo)."""
        if self.logo_id is None:
            return None
        kept = getattr(self, "logo_renditions", {})
        return kept[spec] if spec in kept else self.logo.get_rendition(spec)

    def header_logo(self):
        """The logo's <img> in the site's header."""
        rendition = self.logo_rendition(LOGO_SPEC)
        return rendition.img_tag({"class": "brand__logo", "alt": ""}) if rendition else ""

    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagline = models.CharField(_("khẩu hiệu"), max_length=200, blank=True)
    tagline_en = models.CharField(
        _("khẩu hiệu tiếng Anh"),
        max_length=200,
        blank=True,
        help_text=_("Hiện trên các trang tiếng Anh; để trống thì dùng khẩu hiệu tiếng Việt."),
    )
    primary_colour = models.CharField(
        _("màu chủ đạo"),
        max_length=7,
        default="#a61b1b",
        validators=[hex_colour],
        help_text=_("Màu đậm, chữ trắng đặt trên phải dễ đọc."),
    )
    contact_email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    facebook_url = models.URLField(_("trang Facebook"), blank=True)
    zalo_url = models.URLField(_("Zalo OA"), blank=True)

    select_related = ["logo"]
    # The logo only from a collection the approver may choose (core.file_access).
    base_form_class = FileAccessModelForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("tagline"), FieldPanel("tagline_en")]),
                FieldPanel("primary_colour"),
            ],
            heading=_("Nhận diện"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("address")]),
                FieldRowPanel([FieldPanel("facebook_url"), FieldPanel("zalo_url")]),
            ],
            heading=_("Liên hệ và mạng xã hội"),
        ),
    ]

    class Meta:
        verbose_name = _("nhận diện và liên hệ")
