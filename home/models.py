"""Home pages: the central site's and each union's."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Max, Prefetch, Window
from django.db.models.functions import RowNumber
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.url_routing import RouteResult

from activities.listing import site_activities
from blog.listing import build_cards, card_pages, for_cards, in_sites, newest_first, visible
from blog.models import ArticlePage, ColumnPage, DocumentPage, NewsHubPage, campaign_choices
from campaigns.models import CampaignHubPage
from campaigns.navigation import active_campaigns
from core import tree
from core.renditions import LOGO_SPEC
from pagecache.snapshot import cached, fragment_version
from sites.models import SiteBranding
from sites.network import get_network
from sites.pages import BasePage, IntroMixin

LATEST_COUNT = 8
CENTRAL_LATEST_COUNT = 14
HEADLINES = 5
SECTION_HEADLINES = 3
# "From the unions" on the central home: the unions that published last, newest first (the
# directory page shows every union with its latest date).
UNION_LATEST_COUNT = 12


@dataclass
class CampaignSection:
    link: object  # campaigns.navigation.CampaignLink
    headlines: list  # article cards


class BaseHomePage(IntroMixin, BasePage):
    content_panels = BasePage.content_panels + IntroMixin.intro_panels
    search_fields = BasePage.search_fields + IntroMixin.search_fields

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        abstract = True

    def latest_articles(self, request, network, sites, count=LATEST_COUNT):

        pages = card_pages(in_sites(visible(ArticlePage.objects.all()), sites))[:count]
        return build_cards(request, pages, network)

    def columns(self):

        return cached(
            f"home-columns:{self.pk}",
            lambda: list(visible(ColumnPage.objects.child_of(self)).select_related("column")),
        )


class FeaturedArticle(Orderable):
    """An article from any union picked by the central department for the central home."""

    page = ParentalKey(
        "home.CentralHomePage", related_name="featured_articles", on_delete=models.CASCADE
    )
    article = models.ForeignKey(
        "blog.ArticlePage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("bài tiêu điểm")
        verbose_name_plural = _("bài tiêu điểm")


class CentralHomePage(BaseHomePage):
    """The network's front page: news from every union, campaigns, the union directory."""

    subpage_types = [
        "blog.ColumnPage",
        "blog.DocumentPage",
        "blog.NewsHubPage",
        "home.DirectoryPage",
        "home.OrganisationPage",
        "campaigns.CampaignHubPage",
        "activities.EventPage",
        "activities.PressMentionPage",
    ]
    content_panels = BaseHomePage.content_panels + [
        InlinePanel(
            "featured_articles",
            label=_("Tiêu điểm"),
            heading=_("Tiêu điểm: bài của các công đoàn đưa lên trang trung tâm"),
            help_text=_("Chọn bài đã đăng của bất kỳ công đoàn nào; kéo để sắp thứ tự."),
            max_num=6,
        )
    ]

    def featured(self, request, network):
        """Featured articles still live, public and in an active union, in the chosen order."""

        order = cached(
            f"featured:{self.pk}",
            lambda: list(self.featured_articles.values_list("article_id", flat=True)),
        )
        pages = for_cards(
            in_sites(visible(ArticlePage.objects.filter(pk__in=order)), network.active)
        )
        cards = dict(zip((p.pk for p in pages), build_cards(request, pages, network), strict=True))
        return [cards[pk] for pk in order if pk in cards]

    class Meta:
        verbose_name = _("trang chủ trung tâm")
        verbose_name_plural = _("trang chủ trung tâm")

    def campaign_sections(self, request, network, links, shown=frozenset()):
        """For each campaign in the header's list (campaigns.navigation), its latest
        headlines from every active union, in one ranked query, leaving out the stories
        `shown` higher on the page (the featured ones: Tiêu điểm)."""
        ids = [link.campaign.pk for link in links]
        if not ids:
            return []
        articles = in_sites(
            visible(ArticlePage.objects.filter(campaign_id__in=ids)), network.active
        )
        ranked = (
            articles.annotate(
                campaign_rank=Window(
                    RowNumber(),
                    partition_by=F("campaign_id"),
                    order_by=[F("date").desc(), F("published_at").desc(), F("pk").desc()],
                )
            )
            # Enough per campaign to fill its section whatever the stories shown above.
            .filter(campaign_rank__lte=SECTION_HEADLINES + HEADLINES + 1)
            .values_list("campaign_id", "campaign_rank", "pk")  # narrow rows, then the winners
        )
        # Ranking every campaign article is the costly part: kept with the network snapshot
        # (recomputed after any change), the page then loads only the winners.
        key = f"front-campaign-headlines:{','.join(map(str, ids))}"
        candidates = sorted(cached(key, lambda: list(ranked)))
        winners, taken = [], {}
        for campaign_id, _rank, pk in candidates:
            if pk not in shown and taken.get(campaign_id, 0) < SECTION_HEADLINES:
                winners.append(pk)
                taken[campaign_id] = taken.get(campaign_id, 0) + 1
        pages = list(card_pages(ArticlePage.objects.filter(pk__in=winners), "campaign"))
        cards = build_cards(request, pages, network)
        by_campaign = {}
        for page, card in zip(pages, cards, strict=True):
            by_campaign.setdefault(page.campaign_id, []).append(card)
        return [
            CampaignSection(link=link, headlines=by_campaign[link.campaign.pk])
            for link in links
            if link.campaign.pk in by_campaign
        ]

    def union_latest(self, request, network, count=None):
        """The newest article of each active union (the centre aside), in one ranked query,
        for the `count` (UNION_LATEST_COUNT) unions that published last: the network at a
        glance, the same length however many unions there are."""
        unions = [site for site in network.active if not site.is_central]
        if not unions:
            return []
        roots = [site.root_path for site in unions]
        ranked = (
            in_sites(visible(ArticlePage.objects.all()), unions)
            .annotate(site_root=tree.root_of(roots))
            .annotate(
                union_rank=Window(
                    RowNumber(),
                    partition_by=F("site_root"),
                    order_by=[F("date").desc(), F("published_at").desc(), F("pk").desc()],
                )
            )
            .filter(union_rank=1)
            .values_list("date", "published_at", "pk")  # rank narrow rows, then load the winners
        )
        # As above; kept newest first, so that only the `count` shown are read (not a row
        # per union to sort).
        winners = cached(
            f"front-union-newest:{self.locale_id}",
            lambda: sorted(ranked, key=newest_first, reverse=True),
        )
        count = UNION_LATEST_COUNT if count is None else count
        shown = [pk for _date, _published, pk in winners[:count]]
        pages = card_pages(ArticlePage.objects.filter(pk__in=shown))
        return build_cards(request, list(pages), network)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        network = self.page_network(request)
        links = cached(f"central-home-links:{self.pk}", self.child_links)
        news_hub, directory_page = links["news_hub"], links["directory_page"]
        hub_url = news_hub.get_url(request) if news_hub else None
        # A campaign links to its hub page (chuyên trang) if published, else to the news hub.
        campaign_hubs = {hub.campaign_id: hub.get_url(request) for hub in links["campaign_hubs"]}
        campaigns = [
            (
                campaign,
                campaign_hubs.get(campaign.pk)
                or (f"{hub_url}?{urlencode({'campaign': campaign.slug})}" if hub_url else None),
            )
            for campaign in campaign_choices(self.locale_id, request)
        ]
        featured = self.featured(request, network)
        latest = self.latest_articles(request, network, network.active, CENTRAL_LATEST_COUNT)
        # The lead story (the first featured, else the newest) with headlines beside it (the
        # other featured, then the newest); the latest grid leaves out what those show.
        lead = (featured or latest or [None])[0]
        seen = {lead.page.pk} if lead else set()
        headlines = []
        for card in [*featured, *latest]:
            if card.page.pk not in seen and len(headlines) < HEADLINES:
                headlines.append(card)
                seen.add(card.page.pk)
        latest = [card for card in latest if card.page.pk not in seen]
        context.update(
            lead=lead,
            headlines=headlines,
            featured=featured,
            latest=latest,
            campaign_sections=self.campaign_sections(
                request,
                network,
                active_campaigns(request, self.locale_id),
                shown={card.page.pk for card in featured},
            ),
            union_latest=self.union_latest(request, network),
            show_union=True,
            campaigns=campaigns,
            directory=network.unions,
            # The directory lists every union: kept rendered (the "fragments" cache) under what
            # it shows, their names and addresses (the structure version), in this language.
            directory_key=repr((fragment_version(), get_language())),
            directory_page=directory_page,
            news_hub=news_hub,
            documents=links["documents"],
        )
        return context

    def child_links(self):
        """The visible news hub, directory, campaign hubs and documents under this page
        (cached with the network snapshot, see pagecache.snapshot)."""

        return {
            "news_hub": visible(NewsHubPage.objects.child_of(self)).first(),
            "directory_page": visible(DirectoryPage.objects.child_of(self)).first(),
            "campaign_hubs": list(visible(CampaignHubPage.objects.child_of(self))),
            "documents": list(visible(DocumentPage.objects.child_of(self)).order_by("-issue_date")),
        }


class UnionHomePage(BaseHomePage):
    """A subordinate union's front page: its latest articles and its columns."""

    shows_network_content = False  # only its own site's (pagecache.middleware)

    subpage_types = [
        "blog.ColumnPage",
        "blog.DocumentPage",
        "activities.EventPage",
        "activities.PressMentionPage",
    ]

    class Meta:
        verbose_name = _("trang chủ công đoàn")
        verbose_name_plural = _("trang chủ công đoàn")

    def route(self, request, path_components):
        # Every address of a deactivated union's site answers "temporarily offline".
        if get_network(request).site_is_offline(self.pk):
            return RouteResult(self, kwargs={"offline": True})
        return super().route(request, path_components)

    def serve(self, request, *args, offline=False, **kwargs):
        if offline:
            response = TemplateResponse(
                request, "home/site_offline.html", {"page": self}, status=503
            )
            response["Retry-After"] = "86400"
            return response
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        network = self.page_network(request)
        own_site = network.site_for_path(self.path)
        context.update(
            latest=self.latest_articles(request, network, [own_site] if own_site else []),
            columns=self.columns(),
            central=network.central,
            campaigns=active_campaigns(request, self.locale_id),
            activities=site_activities(own_site, network, request),
            calendar_url=reverse("calendar:site"),
        )
        return context


@dataclass
class DirectoryEntry:
    union: object  # sites.network.NetworkSite
    logo: object
    latest_date: object
    article_count: int


class DirectoryPage(IntroMixin, BasePage):
    """The directory of the network's active subordinate unions, on the central site."""

    content_panels = BasePage.content_panels + IntroMixin.intro_panels
    search_fields = BasePage.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.CentralHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("danh bạ công đoàn")
        verbose_name_plural = _("danh bạ công đoàn")

    @staticmethod
    def union_logos(unions):
        """Each union's logo by site id: one query for the branding, one for the renditions."""

        if not unions:
            return {}
        rendition_model = get_image_model().get_rendition_model()
        brandings = (
            SiteBranding.objects.filter(site_id__in=[u.site_id for u in unions])
            .select_related("logo")
            .prefetch_related(
                Prefetch(
                    "logo__renditions",
                    queryset=rendition_model.objects.filter(filter_spec=LOGO_SPEC),
                    to_attr="prefetched_renditions",
                )
            )
        )
        return {b.site_id: b.logo for b in brandings}

    @staticmethod
    def article_stats(unions):
        """(latest date, count) of each union's visible articles by site id, in one query."""

        if not unions:
            return {}
        site_ids = {u.root_path: u.site_id for u in unions}
        rows = (
            in_sites(visible(ArticlePage.objects.all()), unions)
            .annotate(root=tree.root_of(site_ids))
            .order_by()
            .values("root")
            .annotate(latest=Max("date"), count=Count("pk"))
        )
        return {site_ids.get(row["root"]): (row["latest"], row["count"]) for row in rows}

    def entries(self, network):
        unions = network.unions
        logos = self.union_logos(unions)
        stats = self.article_stats(unions)
        return [
            DirectoryEntry(
                union=union,
                logo=logos.get(union.site_id),
                latest_date=stats.get(union.site_id, (None, 0))[0],
                article_count=stats.get(union.site_id, (None, 0))[1],
            )
            for union in unions
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries(self.page_network(request))
        context["breadcrumbs"] = self.breadcrumbs(request)
        return context


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xem xét")
    ACCEPTED = "accepted", _("Đã đưa lên Tiêu điểm")
    DECLINED = "declined", _("Không chọn")


class FeatureProposal(models.Model):
    """A union's proposal to put one of its published articles in the central home's Tiêu
    điểm, with a line of why; the central department accepts or declines it (home.proposals)."""

    article = models.ForeignKey(
        "blog.ArticlePage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="feature_proposals",
    )
    union = models.ForeignKey(
        "sites.Union",
        verbose_name=_("công đoàn"),
        on_delete=models.CASCADE,
        related_name="feature_proposals",
    )
    reason = models.CharField(_("vì sao nên chọn"), max_length=300)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
        db_index=True,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(_("ngày đề xuất"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("ngày xét"), null=True, blank=True)
    answer = models.CharField(_("ý kiến của Ban"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("đề xuất tiêu điểm")
        verbose_name_plural = _("đề xuất tiêu điểm")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(status="pending"),
                name="one_pending_proposal_per_article",
            )
        ]

    def __str__(self):
        return f"{self.article.title} ({self.get_status_display()})"


from .organisation import OrganisationPage  # noqa: E402, F401 (a page type of this app)
