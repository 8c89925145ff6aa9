"""Listing queries and card data shared by the hub, home pages and column pages.

Every listing runs a fixed number of queries: one for the restricted and unpublished
branches to keep out, one count, one page of articles (with their lead images joined)
and one for the thumbnails' renditions.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

# Card pictures: two sizes in WebP with a JPEG fallback. includes/article_card.html uses
# the same pattern in its {% picture %} tag, so the prefetch below finds every rendition.
CARD_PICTURE = "fill-{480x270,960x540}-c100 format-{webp,jpeg}"
CARD_RENDITION_SPECS = Filter.expand_spec(CARD_PICTURE)
THUMBNAIL_SPEC = CARD_RENDITION_SPECS
# Lead image for sharing (Open Graph) and feed enclosures.
OG_IMAGE_SPEC = "fill-1200x630-c100"
PER_PAGE = 20


def _any_path_under(paths):
    return reduce(or_, (Q(path__startswith=p) for p in paths))


def visible(queryset):
    """Live, public pages that are not under an unpublished page."""
    queryset = queryset.live().public()
    hidden_branches = list(
        Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
    )
    if hidden_branches:
        queryset = queryset.exclude(_any_path_under(hidden_branches))
    return queryset


def in_sites(queryset, network_sites):
    """Only pages under the given sites' home pages (none if there are none)."""
    paths = [site.root_path for site in network_sites]
    if not paths:
        return queryset.none()
    return queryset.filter(_any_path_under(paths))


def for_cards(queryset, image_spec=THUMBNAIL_SPEC):
    """What an article card needs, newest first, without the body.

    `image_spec` is the rendition (or list of renditions) prefetched for the lead image
    (feeds use OG_IMAGE_SPEC).
    """
    specs = [image_spec] if isinstance(image_spec, str) else list(image_spec)
    rendition_model = get_image_model().get_rendition_model()
    return (
        queryset.defer_streamfields()
        .select_related("lead_image")
        .prefetch_related(
            Prefetch(
                "lead_image__renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=specs),
                to_attr="prefetched_renditions",
            )
        )
        .order_by("-date", "-first_published_at", "-pk")
    )


def paginate(request, queryset, per_page=PER_PAGE):
    """A page of results; a missing, malformed or out-of-range number gives a valid page.

    `page_links` lists the page numbers to link to (None for a gap), for the pagination bar.
    """
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    page.page_links = [
        None if number == Paginator.ELLIPSIS else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return page


@dataclass
class ArticleCard:
    title: str
    url: str
    date: object
    kind: str
    intro: str
    image: object
    union: object  # sites.network.NetworkSite


def build_cards(request, pages, network):
    """Cards with absolute links to each article on its own site, labelled with its union."""
    cards = []
    for page in pages:
        cards.append(
            ArticleCard(
                title=page.title,
                url=page.get_full_url(request),
                date=page.date,
                kind=page.get_kind_display(),
                intro=page.intro,
                image=page.lead_image,
                union=network.site_for_path(page.path),
            )
        )
    return cards
