"""The central news hub: every union's articles gathered on the central site."""

from django.db.models import Q, Subquery
from django.utils.translation import gettext_lazy as _

from core.tree import parent_path_expression
from pagecache import canonical
from pagecache.snapshot import cached
from sites.pages import BasePage, IntroMixin

from ..forms import NewsHubFilterForm
from ..listing import (
    build_cards,
    card_pages,
    in_sites,
    paginate,
    visible,
)
from .pages import ArticleKind, ArticlePage, ArticlePageTag, ColumnPage
from .taxonomy import campaign_choices, column_choices


class NewsHubPage(IntroMixin, BasePage):
    gathers_network = True  # purged from the frontend cache with any change (pagecache)
    content_panels = BasePage.content_panels + IntroMixin.intro_panels
    search_fields = BasePage.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.CentralHomePage"]
    subpage_types = []
    show_in_menus_default = True

    class Meta:
        verbose_name = _("trang tin toàn mạng")
        verbose_name_plural = _("trang tin toàn mạng")

    def get_filter_form(self, request, network):
        return NewsHubFilterForm(
            request.GET,
            network=network,
            campaigns=campaign_choices(self.locale_id, request),
            columns=column_choices(self.locale_id, request),
            kinds=ArticleKind.choices,
        )

    def get_articles(self, network, filter_form):
        articles = in_sites(visible(ArticlePage.objects.all()), network.active)
        return card_pages(filter_articles(filter_form, articles))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        network = self.page_network(request)
        filter_form = self.get_filter_form(request, network)
        filters = filter_form.valid_filters()
        free_text = filters.keys() & {"tag", "from", "to"}
        articles = paginate(
            request,
            self.get_articles(network, filter_form),
            cache_count=not free_text,
            # The filters left are choices: what the count depends on besides the snapshot.
            count_key=("news-hub", self.pk, tuple(sorted(filters.items()))),
        )
        canonical(request, *filter_form.canonical_fields())
        context.update(
            filter_form=filter_form,
            articles=articles,
            cards=build_cards(request, articles, network),
        )
        return context


def central_news_hub(network):
    """The central site's (first) visible news hub page, or None; cached."""
    if network.central is None:
        return None
    root = network.central.root_path
    return cached(
        f"news-hub:{root}",
        lambda: visible(NewsHubPage.objects.filter(path__startswith=root)).order_by("path").first(),
    )


def news_hub_under(home):
    """The first visible news hub among `home`'s children (a central home, in any language),
    or None; cached with the network snapshot (the network feeds ask on every request)."""
    return cached(
        f"news-hub-under:{home.pk}",
        lambda: visible(NewsHubPage.objects.child_of(home)).order_by("path").first(),
    )


def filter_articles(form, queryset):
    """`queryset` (articles) narrowed by the valid filters of a NewsHubFilterForm: the news hub
    and the network feed read the same filters."""
    filters = form.valid_filters()
    if "union" in filters:
        queryset = in_sites(queryset, [form.network.by_slug[filters["union"]]])
    if "department" in filters:
        department = form.network.departments_by_slug[filters["department"]]
        queryset = queryset.filter(department_id=department.department_id)
    if "campaign" in filters:
        queryset = queryset.filter(campaign_id=form.campaign_ids[filters["campaign"]])
    if "column" in filters:
        column_paths = ColumnPage.objects.filter(
            column_id=form.column_ids[filters["column"]]
        ).values("path")
        queryset = queryset.annotate(parent_path=parent_path_expression()).filter(
            parent_path__in=Subquery(column_paths)
        )
    if "kind" in filters:
        queryset = queryset.filter(kind=filters["kind"])
    if "tag" in filters:
        # By the tag's slug (the links on articles) or its exact name (typed in the form);
        # an unknown tag simply matches nothing.
        tagged = ArticlePageTag.objects.filter(
            Q(tag__slug=filters["tag"]) | Q(tag__name__iexact=filters["tag"])
        ).values("content_object_id")
        queryset = queryset.filter(pk__in=Subquery(tagged))
    if "from" in filters:
        queryset = queryset.filter(date__gte=filters["from"])
    if "to" in filters:
        queryset = queryset.filter(date__lte=filters["to"])
    return queryset
