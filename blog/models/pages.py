"""Editorial page types shared by every site: column, article, document."""

from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import tree
from pagecache.snapshot import cached
from sites.pages import BasePage, IntroMixin, LeadImageMixin

from ..admin_forms import ArticlePageForm
from ..blocks import ArticleBodyBlock
from ..listing import (
    build_cards,
    card_pages,
    in_sites,
    paginate,
    visible,
)
from . import hub as hub_module  # hub.py imports this module: used at run time only
from .listing_keys import ListingKeysMixin
from .taxonomy import campaign_in, default_locale

HOME_PAGE_TYPES = ["home.CentralHomePage", "home.UnionHomePage"]
RELATED_COUNT = 4


class ColumnPage(IntroMixin, BasePage):
    """A column (chuyên mục) of one site, e.g. its "Tết Sum vầy - Xuân chia sẻ" section."""

    shows_network_content = False  # only its own site's articles (pagecache.middleware)

    column = models.ForeignKey(
        "blog.Column",
        verbose_name=_("chuyên mục dùng chung"),
        on_delete=models.PROTECT,
        limit_choices_to=default_locale,
        related_name="column_pages",
        help_text=_("Loại chuyên mục của toàn mạng mà chuyên mục này thuộc về."),
    )
    campaign = models.ForeignKey(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to=default_locale,
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
    # The shared column and campaign stay the same in every language (blog.models.taxonomy).
    override_translatable_fields = [SynchronizedField("column"), SynchronizedField("campaign")]

    parent_page_types = HOME_PAGE_TYPES
    subpage_types = [
        "blog.ArticlePage",
        "blog.DocumentPage",
        "activities.EventPage",
        "activities.PressMentionPage",
    ]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = paginate(
            request,
            card_pages(visible(ArticlePage.objects.child_of(self))),
            count_key=("column", self.pk),
        )
        context["articles"] = articles
        context["cards"] = build_cards(request, articles, self.page_network(request))
        context["breadcrumbs"] = self.breadcrumbs(request)
        context["campaign"] = campaign_in(self.campaign_id, self.locale_id, request)
        return context


def _column_pages():
    """{tree path: (slug, name) of its shared column} of every column page; cached."""

    def load():
        rows = ColumnPage.objects.values_list("path", "column__slug", "column__name")
        return {p: (slug, name) for p, slug, name in rows if slug}

    return cached("column-pages", load)


def column_of_path(path):
    """(slug, name) of the shared column of the column page at `path`, or None; cached."""
    return _column_pages().get(path)


def column_page_paths(slug):
    """Tree paths of every union's page of the shared column `slug`; cached."""
    return [path for path, (s, _name) in _column_pages().items() if s == slug]


def take_column_campaign(page):
    """A new page filed in a column takes the column's campaign unless the editor chose one
    (articles, events, press coverage)."""
    if page.campaign_id is None and page.pk is None and page.path:
        parent = page.get_parent()
        page.campaign_id = getattr(parent.specific if parent else None, "campaign_id", None)


class ArticleKind(models.TextChoices):
    NEWS = "news", _("Tin tức")  # not "Tin hoạt động": that is a column
    STORY = "story", _("Câu chuyện")
    PRACTICE = "practice", _("Cách làm hay, điển hình")
    OPINION = "opinion", _("Ý kiến, đề xuất")
    VISIT = "visit", _("Thăm hỏi, tặng quà")
    FIGURES = "figures", _("Những con số")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(ListingKeysMixin, IntroMixin, LeadImageMixin, BasePage):
    """A news article (tin bài) in a column."""

    structural = False  # as many as the unions write (sites.pages.route_map)

    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
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
        limit_choices_to=default_locale,
        related_name="articles",
        help_text=_("Để trống để lấy theo chuyên mục."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))
    department = models.ForeignKey(
        "sites.Department",
        verbose_name=_("ban cung cấp tin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Bài trên trang trung tâm do một ban cung cấp: ban là nguồn của bài."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        *IntroMixin.intro_panels,
        *LeadImageMixin.lead_image_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("campaign"), FieldPanel("tags"), FieldPanel("department")],
            heading=_("Phân loại"),
        ),
    ]
    base_form_class = ArticlePageForm
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

    override_translatable_fields = [SynchronizedField("campaign")]  # see ColumnPage

    parent_page_types = ["blog.ColumnPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        # Newest first (blog.listing.CARD_ORDER): the whole network (the hub, the centre's
        # front page), one site (its home, its columns), one campaign.
        indexes = [
            models.Index(fields=["-date", "-published_at", "-page_ptr"], name="article_newest"),
            models.Index(
                fields=["home_path", "-date", "-published_at", "-page_ptr"],
                name="article_newest_in_site",
            ),
            models.Index(
                fields=["campaign", "-date", "-published_at", "-page_ptr"],
                name="article_newest_in_campaign",
            ),
        ]

    def save(self, *args, **kwargs):
        take_column_campaign(self)
        super().save(*args, **kwargs)

    def search_text_parts(self):
        body = self.body.stream_block.get_searchable_content(self.body)
        tags = [tag.name for tag in self.tags.all()]
        return [*super().search_text_parts(), *body, *tags]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        network = self.page_network(request)
        context["union"] = network.site_for_path(self.path)
        context["source"] = network.source_of(self)
        context["breadcrumbs"] = self.breadcrumbs(request)
        context["column"] = context["breadcrumbs"][-1] if context["breadcrumbs"] else None
        context["tag_list"] = list(self.tags.all())
        context["tag_links"] = self.tag_links(request, network, context["tag_list"])
        context["related"] = self.related_articles(request, network)
        context["campaign"] = campaign_in(self.campaign_id, self.locale_id, request)
        return context

    def related_articles(self, request, network, limit=RELATED_COUNT):
        """Cards for the newest visible articles of any active union in the same shared column
        or the same campaign, this one excepted. A fixed number of queries."""
        parent_path = tree.parent_path(self.path)
        column = column_of_path(parent_path)  # cached, like the column's pages below
        conditions = []
        if column:
            conditions.append(Q(parent_path__in=column_page_paths(column[0])))
        if self.campaign_id:
            conditions.append(Q(campaign_id=self.campaign_id))
        if not conditions:
            return []
        pages = card_pages(
            in_sites(visible(ArticlePage.objects.exclude(pk=self.pk)), network.active)
            .alias(parent_path=tree.parent_path_expression())
            .filter(reduce(or_, conditions))
        )[:limit]
        return build_cards(request, pages, network)

    def tag_links(self, request, network, tags):
        """(tag, address of the central news hub filtered by that tag) for each tag."""
        if not tags or network.central is None:
            return [(tag, None) for tag in tags]
        hub = hub_module.central_news_hub(network)
        hub_url = hub.get_full_url(request) if hub else None
        return [
            (tag, f"{hub_url}?{urlencode({'tag': tag.slug})}" if hub_url else None) for tag in tags
        ]


class DocumentPage(BasePage):
    """An official document (văn bản, hướng dẫn): number, date, issuer, signer and file."""

    structural = False  # as many as the unions issue (sites.pages.route_map)

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

    parent_page_types = HOME_PAGE_TYPES + ["blog.ColumnPage", "campaigns.CampaignHubPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def search_text_parts(self):
        return [*super().search_text_parts(), self.number, self.summary, self.issuer, self.signer]

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.breadcrumbs(request)
        return context
