"""Listing queries and card data shared by the hub, home pages and column pages.

Every listing runs a fixed number of queries: one for the restricted and unpublished
branches to keep out, one count, one page of articles (with their lead images joined)
and one for the thumbnails' renditions.
"""

import hashlib
from functools import reduce
from operator import or_

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page, PageViewRestriction

from core import tree
from core.renditions import CARD_RENDITION_SPECS
from pagecache import canonical
from pagecache.snapshot import cached, fragment_version

# Parsed once per process: a Filter keeps its parsed operations.
CARD_FILTERS = [Filter(spec=spec) for spec in CARD_RENDITION_SPECS]
CARD_PICTURE_ATTRS = {
    "loading": "lazy",
    "decoding": "async",
    "sizes": "(min-width: 60rem) 22rem, (min-width: 40rem) 45vw, 100vw",
    "alt": "",
}
THUMBNAIL_SPEC = CARD_RENDITION_SPECS
PER_PAGE = 20
# The article fields a card's cached HTML is keyed by and the card reads (ArticleCard).
CARD_FIELDS = (
    "path",
    "depth",
    "url_path",
    "locale_id",
    "title",
    "intro",
    "date",
    "kind",
    "lead_image_id",
    "department_id",
)
# Newest first: the article's date, then when it was first published (the article's own
# copy, ListingKeysMixin: the indexes "article_newest…" hold this order).
CARD_ORDER = ("-date", "-published_at", "-pk")


def newest_first(row):
    """Sort key of a (date, published_at, pk) row in CARD_ORDER (with reverse=True); a page
    never published (no published_at) last among its date."""
    date, published, pk = row
    return (date, published.timestamp() if published else float("-inf"), pk)


def any_path_under(paths, field="path"):
    """Q for pages at or under any of the tree `paths` (`field`: the path, maybe related)."""
    return reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths))


def _load_excluded_paths():

    hidden = Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    paths = sorted(set(hidden) | set(restricted))
    # A branch inside another excluded branch adds nothing.
    return [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]


def excluded_paths(request=None):
    """Tree paths of the branches listings keep out: unpublished pages with children and
    restricted (private) pages; cached across requests (see pagecache.snapshot)."""
    return cached("excluded-paths", _load_excluded_paths, request)


def visible(queryset, request=None, excluded=None):
    """Live, public pages that are not under an unpublished page.

    The same as `.live().public()` minus unpublished branches, but the restricted and
    unpublished paths come from the network snapshot cache instead of two queries (or from
    `excluded`, when the caller filters several querysets with the paths it read once).
    """
    queryset = queryset.live()
    paths = excluded_paths(request) if excluded is None else excluded
    if paths:
        queryset = queryset.exclude(any_path_under(paths))
    return queryset


def in_sites(queryset, network_sites):
    """Only pages under the given sites' home pages (none if there are none): core.tree.

    Where every one of several homes is a child of Wagtail's root (the network's are) and the
    root's other children are fewer (offline unions, the homes of another language: the
    sites' `top_level_paths`, loaded with the network), the same pages are "below the root,
    under none of those others": a short list the database estimates well, so a listing
    walks the articles' date index and stops at its page instead of joining every page of
    the network first (docs/performance.md).
    """
    network_sites = list(network_sites)
    roots = [site.root_path for site in network_sites]
    top_level = network_sites[0].top_level_paths if network_sites else ()
    all_top_level = all(root == tree.top_level_path(root) for root in roots)
    others = None  # the top-level paths not wanted, when there are fewer of them
    if top_level and len(roots) > 1 and all_top_level:
        wanted = set(roots)
        others = [path for path in top_level if path not in wanted]
        if len(others) >= len(roots):
            others = None
    if hasattr(queryset.model, "home_path") and all_top_level:
        # Articles carry their site's home path (ListingKeysMixin): a test on their own row,
        # which their date indexes serve (one site: "article_newest_in_site"); the whole
        # network as "none of these few others", the same length however many unions.
        if others is not None:
            return queryset.exclude(home_path__in=others) if others else queryset
        return queryset.filter(home_path__in=roots) if roots else queryset.none()
    if others is not None:
        queryset = queryset.filter(depth__gt=1)
        return queryset.exclude(any_path_under(others)) if others else queryset
    return tree.under_roots(queryset, roots)


def attach_renditions(images, specs):
    """Look up the given renditions of all `images` in ONE query and attach them as
    `prefetched_renditions` (where Wagtail's get_rendition looks first), for pages that
    show pictures from several lists (the campaign hub: cards, photo strip, materials)."""
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    by_image = {}
    for rendition in rendition_model.objects.filter(
        image_id__in={image.pk for image in images}, filter_spec__in=set(specs)
    ):
        by_image.setdefault(rendition.image_id, []).append(rendition)
    for image in images:
        renditions = by_image.get(image.pk, [])
        for rendition in renditions:
            rendition.image = image  # (alt text, focal point) without a query per picture
        image.prefetched_renditions = renditions


def for_cards(queryset, image_spec=THUMBNAIL_SPEC, prefetch=True):
    """What an article card needs, newest first, without the body.

    `image_spec` is the rendition (or list of renditions) prefetched for the lead image
    (feeds use OG_IMAGE_SPEC); with `prefetch=False` the caller attaches them itself.
    """
    specs = [image_spec] if isinstance(image_spec, str) else list(image_spec)
    rendition_model = get_image_model().get_rendition_model()
    queryset = queryset.defer_streamfields().select_related("lead_image")
    if not prefetch:  # the caller attaches the renditions (attach_renditions)
        return queryset.order_by(*CARD_ORDER)
    return queryset.prefetch_related(
        Prefetch(
            "lead_image__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=specs),
            to_attr="prefetched_renditions",
        )
    ).order_by(*CARD_ORDER)


def card_pages(queryset, *fields):
    """Articles for build_cards, newest first: only the fields a card is keyed by (and
    `fields`), without their lead images. The images and their renditions are read by
    build_cards for the cards whose HTML is not cached yet, all in one go (CardImages), so a
    page of cards that were rendered before runs one narrow query, and a page after a change
    two more; headlines (no picture) never read them."""
    return queryset.only(*CARD_FIELDS, *fields).order_by(*CARD_ORDER)


class CardImages:
    """The lead images of a list of pages with their card renditions, read together the
    first time a card needs its picture (two queries; none if every card is cached)."""

    def __init__(self, pages):
        self.pages = pages
        self.images = None

    def get(self, image_id):
        if self.images is None:
            ids = {page.lead_image_id for page in self.pages if page.lead_image_id}
            images = list(get_image_model().objects.filter(pk__in=ids)) if ids else []
            attach_renditions(images, CARD_RENDITION_SPECS)
            self.images = {image.pk: image for image in images}
        return self.images.get(image_id)


def cached_count(queryset, key=None):
    """`queryset.count()`, cached under the network snapshot's version (every change to what
    the public sees bumps it, see core.changes) and keyed by `key` (a tuple naming what the
    query depends on besides the snapshot, for callers that know it), else by the query's SQL
    (compiling it costs about as much as a small query)."""
    if key is not None:
        return cached(f"count:{hashlib.sha256(repr(key).encode()).hexdigest()}", queryset.count)
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # .none(), or a filter that can match nothing
        return 0
    digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()
    return cached(f"count:{digest}", queryset.count)


class DeferredJoinPaginator(Paginator):
    """Pages past the first found by a narrow query: the ids of the page's rows (sorted and
    skipped over with only the columns the filters and the order need), then the full rows
    of those ids only, in the same query (``pk IN (SELECT pk … LIMIT … OFFSET …)``).

    With plain ``OFFSET`` the database sorts every matching row with all its columns (the
    article, its page and its lead image) to throw all but twenty away; page 50 of the
    news hub cost four times page 1 (docs/performance.md).
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if bottom and isinstance(rows, QuerySet):
            rows = rows.filter(pk__in=rows.values("pk")[bottom:top])
        else:
            rows = rows[bottom:top]
        return self._get_page(rows, number, self)


def paginate(request, queryset, per_page=PER_PAGE, *, cache_count=True, count_key=None):
    """A page of results; a missing, malformed or out-of-range number gives a valid page
    (the first or the last), which the page cache does not store (pagecache.canonical).

    `page_links` lists the page numbers to link to (None for a gap), for the pagination bar.
    `queryset` may also be a list of rows already read (their number is the count).
    The count is cached (cached_count, under `count_key` if given) unless `cache_count` is
    false: for queries made of free text (tags, dates, search words) that anyone can vary
    without end.
    """

    paginator = DeferredJoinPaginator(queryset, per_page)
    # (a cached_property on Paginator)
    if not isinstance(queryset, QuerySet):  # rows already read
        paginator.count = len(queryset)
    else:
        paginator.count = cached_count(queryset, count_key) if cache_count else queryset.count()
    number = request.GET.get("page")
    page = paginator.get_page(number)
    if number == str(page.number):
        canonical(request, "page")
    page.page_links = [
        None if number == Paginator.ELLIPSIS else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return page


class ArticleCard:
    """One article in a listing (includes/article_card.html).

    Its HTML is kept per process (the "fragments" cache) under `cache_key`: everything the
    card shows, i.e. the article's own fields, the network's structure version (site
    addresses, union names, images: see pagecache.snapshot.fragment_version) and the language.
    The address and the picture are only worked out when the card is rendered.
    """

    def __init__(self, page, request, network, images=None):
        self.page = page
        self.title = page.title
        self.date = page.date
        self.intro = page.intro
        self.union = network.site_for_path(page.path)
        self.source = network.source_of(page, self.union)  # its department, or its union
        self._request = request
        self._images = images  # CardImages, for pages read without their image (card_pages)

    @cached_property
    def image(self):
        page = self.page
        if self._images is None or type(page).lead_image.is_cached(page):
            return page.lead_image
        return self._images.get(page.lead_image_id)

    @cached_property
    def url(self):
        return self.page.get_full_url(self._request)

    @cached_property
    def kind(self):
        return self.page.get_kind_display()

    @cached_property
    def picture(self):
        return card_picture(self.image)

    @cached_property
    def cache_key(self):
        page = self.page
        return repr(
            (
                page.pk,
                page.path,
                page.url_path,
                page.title,
                page.intro,
                page.date,
                page.kind,
                page.lead_image_id,
                getattr(page, "department_id", None),
                fragment_version(),
                get_language(),
            )
        )


def card_picture(image):
    """The card's <picture>, from the renditions fetched with the page of cards; one that
    is missing is created, as Wagtail's {% picture %} tag would."""
    if image is None:
        return None
    return Picture(get_renditions_or_not_found(image, CARD_FILTERS), CARD_PICTURE_ATTRS)


def build_cards(request, pages, network):
    """Cards with absolute links to each article on its own site, labelled with its union.
    Lead images not read with the pages are read for all of them at the first card rendered
    afresh (CardImages)."""
    pages = list(pages)
    images = CardImages(pages)
    return [ArticleCard(page, request, network, images) for page in pages]
