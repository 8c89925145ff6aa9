"""Editorial page types shared by every site: column, article, document."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.mixins import BasePage, IntroMixin, LeadImageMixin
from sites.network import get_network

from ..blocks import ArticleBodyBlock
from ..listing import build_cards, for_cards, paginate, visible

HOME_PAGE_TYPES = ["home.CentralHomePage", "home.UnionHomePage"]


class ColumnPage(IntroMixin, BasePage):
    """A column (chuyên mục) of one site, e.g. its "Tết Sum vầy - Xuân chia sẻ" section."""

    column = models.ForeignKey(
        "blog.Column",
        verbose_name=_("chuyên mục dùng chung"),
        on_delete=models.PROTECT,
        related_name="column_pages",
        help_text=_("Loại chuyên mục của toàn mạng mà chuyên mục này thuộc về."),
    )
    campaign = models.ForeignKey(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="column_pages",
        help_text=_("Bài viết mới trong chuyên mục mặc định thuộc chương trình này."),
    )

    content_panels = (
        BasePage.content_panels
        + IntroMixin.intro_panels
        + [
            FieldRowPanel([FieldPanel("column"), FieldPanel("campaign")]),
        ]
    )
    search_fields = BasePage.search_fields + IntroMixin.search_fields

    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["blog.ArticlePage", "blog.DocumentPage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = paginate(request, for_cards(visible(ArticlePage.objects.child_of(self))))
        context["articles"] = articles
        context["cards"] = build_cards(request, articles, get_network(request))
        return context


class ArticleKind(models.TextChoices):
    NEWS = "news", _("Tin hoạt động")
    STORY = "story", _("Câu chuyện")
    PRACTICE = "practice", _("Cách làm hay, điển hình")
    OPINION = "opinion", _("Ý kiến, đề xuất")
    VISIT = "visit", _("Thăm hỏi, tặng quà")
    FIGURES = "figures", _("Những con số")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(IntroMixin, LeadImageMixin, BasePage):
    """A news article (tin bài) in a column."""

    date = models.DateField(_("ngày đăng"), default=timezone.localdate, db_index=True)
    kind = models.CharField(
        _("thể loại"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"), blank=True)
    campaign = models.ForeignKey(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Để trống để lấy theo chuyên mục."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        *IntroMixin.intro_panels,
        *LeadImageMixin.lead_image_panels,
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("campaign"), FieldPanel("tags")], heading=_("Phân loại")),
    ]
    search_fields = (
        BasePage.search_fields
        + IntroMixin.search_fields
        + [
            index.SearchField("body"),
            index.FilterField("date"),
            index.FilterField("kind"),
            index.FilterField("campaign"),
            index.RelatedFields("tags", [index.SearchField("name")]),
        ]
    )

    parent_page_types = ["blog.ColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")

    def save(self, *args, **kwargs):
        # A new article takes its column's campaign unless the editor chose one.
        if self.campaign_id is None and self.pk is None and self.path:
            parent = self.get_parent()
            column = parent.specific if parent else None
            self.campaign_id = getattr(column, "campaign_id", None)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["union"] = get_network(request).site_for_path(self.path)
        context["column"] = self.get_parent()
        context["tag_list"] = list(self.tags.all())
        return context


class DocumentPage(BasePage):
    """An official document (văn bản, hướng dẫn): number, date, issuer, signer and file."""

    number = models.CharField(_("số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 25/HD-CĐVC"))
    issue_date = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issue_date")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuer"),
    ]

    parent_page_types = HOME_PAGE_TYPES + ["blog.ColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def get_meta_description(self):
        return self.search_description or self.summary
