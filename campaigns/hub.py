"""What a campaign hub shows, computed in a fixed number of queries.

However many unions, columns or articles the network has, the hub runs the same queries:
one grouped count per union, one ranked query for the latest articles of every column (a
window function), one for the photo strip, ONE for the renditions of every picture on the
page (cards, photo strip, posters: ``attach_renditions``) and the report's figures. The
hidden branches, the campaign, the columns, the documents, the materials and the news hub's
address come from the network snapshot cache (``pagecache.snapshot``).
"""

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.db.models import Count, F, Prefetch, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from activities.listing import campaign_activities
from blog.feeds import feed_namespace
from blog.listing import (
    attach_renditions,
    build_cards,
    for_cards,
    in_sites,
    newest_first,
    visible,
)
from blog.models import (
    ArticlePage,
    ColumnPage,
    DocumentPage,
    campaign_in,
    central_news_hub,
    column_choices,
    column_of_path,
)
from core import tree
from core.renditions import (
    CARD_RENDITION_SPECS,
    MATERIAL_SPECS,
    PARTNER_SPECS,
    PHOTO_SPECS,
    TIMELINE_SPECS,
)
from core.tree import parent_path_expression
from pagecache.snapshot import cached, locale_codes
from reports.services import accepted_totals

SECTION_SIZE = 4
PHOTO_COUNT = 8


@dataclass
class KeyFigure:
    label: str
    value: int
    unit: str = "count"  # "count" or "vnd"
    unit_label: str = ""


@dataclass
class Participant:
    union: object  # sites.network.NetworkSite
    article_count: int
    url: str | None

    # Worked out here rather than in the template: the list has a row per union.
    @property
    def link(self):
        """Its articles in the news hub, else (no hub) its home page."""
        return self.url or self.union.home_url

    @property
    def count_label(self):
        n = self.article_count
        return ngettext("%(counter)s bài viết", "%(counter)s bài viết", n) % {"counter": n}


@dataclass
class ColumnSection:
    column: object  # blog.Column
    cards: list
    more_url: str | None


@dataclass
class Photo:
    image: object
    title: str
    url: str


@dataclass
class MaterialItem:
    material: object  # campaigns.CampaignMaterial
    download_url: str | None
    print_url: str | None = None
    file_size: int | None = None
    extension: str = field(default="")


def report_figures(campaign, language=None):
    """Network totals from accepted result reports only (three queries), labelled in
    `language` where the centre gave the figure's words in it."""
    return [
        KeyFigure(
            label=figure.label_in(language),
            value=total,
            unit=figure.unit,
            unit_label=figure.unit_label_in(language),
        )
        for figure, total in accepted_totals(campaign)
    ]


def campaign_scope(campaign, sites):
    """A cache key for what is computed over the visible articles of `campaign` in `sites`."""
    roots = " ".join(sorted(site.root_path for site in sites))
    return f"{campaign.pk}:{hashlib.sha256(roots.encode()).hexdigest()}"


def article_counts(campaign, articles, sites):
    """Visible articles of `campaign` (`articles`) per site id, in one grouped query, cached
    under the network snapshot's version: counted once after each change, not on every
    render."""
    if not sites:
        return {}
    site_ids = {s.root_path: s.site_id for s in sites}

    def count():
        rows = articles.annotate(root=tree.root_of(site_ids)).order_by().values("root")
        return {site_ids.get(row["root"]): row["n"] for row in rows.annotate(n=Count("pk"))}

    return cached(f"campaign-counts:{campaign_scope(campaign, sites)}", count)


def _hub_link(hub_url, **filters):
    return f"{hub_url}?{urlencode(filters)}" if hub_url else None


def column_sections(request, network, articles, campaign, hub_url, columns, size=SECTION_SIZE):
    """The latest `size` articles of each shared column, in two queries (+ renditions).

    The articles are ranked within their column page on narrow rows (id, date, parent), so
    at most `size` per union's column page come back; those are sorted into the shared
    columns here (column pages are cached with the network snapshot) and only the chosen
    few are read whole. Ranking every campaign article is the costly part: its result is
    kept with the network snapshot (recomputed after any change), as the central home does
    for its campaign headlines (docs/performance.md).
    """
    column_ids = {column.pk for column in columns}
    column_pages = ColumnPage.objects.filter(column_id__in=column_ids).values("path")
    ranked = (
        articles.annotate(parent_path=parent_path_expression())
        .filter(parent_path__in=Subquery(column_pages))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("parent_path"),
                order_by=[F("date").desc(), F("published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=size)
        .values_list("pk", "parent_path", "date", "published_at")
    )
    key = f"hub-sections:{campaign_scope(campaign, network.active)}:{size}:"
    key += ",".join(str(pk) for pk in sorted(column_ids))
    by_slug = {column.slug: column for column in columns}
    newest = {}
    for pk, parent_path, date, published in cached(key, lambda: list(ranked)):
        column = by_slug.get((column_of_path(parent_path) or (None,))[0])
        if column is not None:
            newest.setdefault(column.pk, []).append((date, published, pk))

    chosen = {
        pk: column_pk
        for column_pk, rows in newest.items()
        for _date, _published, pk in sorted(rows, key=newest_first, reverse=True)[:size]
    }
    if not chosen:
        return []
    # The chosen ids passed every filter already: this query only reads their rows.
    pages = list(for_cards(ArticlePage.objects.filter(pk__in=list(chosen)), prefetch=False))
    cards = build_cards(request, pages, network)
    by_column = {}
    for page, card in zip(pages, cards, strict=True):
        by_column.setdefault(chosen[page.pk], []).append(card)
    return [
        ColumnSection(
            column=column,
            cards=by_column[column.pk],
            more_url=_hub_link(hub_url, campaign=campaign.slug, column=column.slug),
        )
        for column in columns
        if column.pk in by_column
    ]


def photo_strip(request, articles, count=PHOTO_COUNT):
    pages = for_cards(articles.filter(lead_image__isnull=False), prefetch=False)[:count]
    return [Photo(image=p.lead_image, title=p.title, url=p.get_full_url(request)) for p in pages]


def campaign_documents(page, network):
    """Live, public document pages of the central site for the campaign: chosen on the hub,
    placed under it, or in a central column page of the campaign."""
    central = network.central
    if central is None:
        return []
    chosen = [link.document_page_id for link in page.document_links.all()]
    wanted = Q(pk__in=[])
    if page.pk and page.path:  # a page being created (preview) has no children yet
        wanted |= Q(path__startswith=page.path, depth=page.depth + 1)
    if chosen:
        wanted |= Q(pk__in=chosen)
    campaign_columns = ColumnPage.objects.filter(
        campaign_id=page.campaign_id, path__startswith=central.root_path
    ).values("path")
    wanted |= Q(parent_path__in=Subquery(campaign_columns))
    documents = (
        visible(DocumentPage.objects.filter(path__startswith=central.root_path))
        .annotate(parent_path=parent_path_expression())
        .filter(wanted)
        .select_related("document")
        .order_by("-issue_date", "title")
    )
    return list(documents)


def material_items(page, request, prefetch=True):
    materials = page.materials.all()
    if isinstance(materials, models.QuerySet) and page.pk and not prefetch:
        # A published hub: the materials are cached with the network snapshot (saving a
        # material or the page bumps it); the caller attaches the renditions.
        materials = cached(
            f"hub-materials:{page.pk}",
            lambda: list(page.materials.select_related("image", "document")),
        )
    elif isinstance(materials, models.QuerySet):
        rendition_model = get_image_model().get_rendition_model()
        materials = materials.select_related("image", "document").prefetch_related(
            Prefetch(
                "image__renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=MATERIAL_SPECS),
                to_attr="prefetched_renditions",
            )
        )
    page_url = page.get_url(request) if page.pk and page.live else None
    items = []
    for material in materials:
        if material.image_id:
            image = material.image
            items.append(
                MaterialItem(
                    material=material,
                    # The original, through the hub (cms/media.py serves no originals).
                    download_url=(
                        page_url
                        + page.reverse_subpage("material_download", kwargs={"image_id": image.pk})
                        if page_url
                        else None
                    ),
                    print_url=(
                        page_url
                        + page.reverse_subpage("poster_print", kwargs={"image_id": image.pk})
                        if page_url
                        else None
                    ),
                    file_size=image.file_size,
                    extension=image.file.name.rsplit(".", 1)[-1].upper(),
                )
            )
        elif material.document_id:
            document = material.document
            items.append(
                MaterialItem(
                    material=material,
                    download_url=document.url,
                    file_size=document.file_size,
                    extension=document.file_extension.upper(),
                )
            )
    return items


def timeline_images(page):
    """The pictures of the hub's timelines (campaigns.blocks.TimelineBlock)."""
    return [
        entry["image"]
        for block in page.review
        if block.block_type == "timeline"
        for entry in block.value["entries"]
        if entry["image"] is not None
    ]


def partner_list(page):
    """The campaign's partner businesses; cached with the network snapshot when published."""
    partners = page.partners.all()
    if isinstance(partners, models.QuerySet) and page.pk:
        return cached(f"hub-partners:{page.pk}", lambda: list(partners.select_related("logo")))
    return list(partners)  # a preview: the form's rows


def hub_context(page, request, network):
    """Everything the hub template shows (see the module docstring for the queries)."""
    campaign = campaign_in(page.campaign_id, page.locale_id, request)
    sites = network.active
    articles = in_sites(visible(ArticlePage.objects.filter(campaign_id=campaign.pk)), sites)

    counts = article_counts(campaign, articles, sites)
    news_hub = central_news_hub(network)
    hub_url = news_hub.get_full_url(request) if news_hub else None
    participants = sorted(
        (
            Participant(
                union=site,
                article_count=counts[site.site_id],
                url=_hub_link(hub_url, union=site.slug, campaign=campaign.slug),
            )
            for site in sites
            if counts.get(site.site_id)
        ),
        key=lambda p: (not p.union.is_central, -p.article_count, p.union.name.lower()),
    )
    article_total = sum(counts.values())
    unions_taking_part = sum(1 for p in participants if not p.union.is_central)
    status = page.status
    columns = column_choices(page.locale_id, request)
    sections = column_sections(request, network, articles, campaign, hub_url, columns)
    photos = photo_strip(request, articles)
    documents = (
        cached(f"hub-documents:{page.pk}", lambda: campaign_documents(page, network))
        if page.pk
        else campaign_documents(page, network)
    )
    materials = material_items(page, request, prefetch=False)
    partners = partner_list(page)
    # Every picture on the hub (cards, photo strip, posters) from one rendition query.
    attach_renditions(
        [card.image for section in sections for card in section.cards]
        + [photo.image for photo in photos]
        + [item.material.image for item in materials if item.material.image_id]
        + timeline_images(page)
        + [partner.logo for partner in partners],
        [*CARD_RENDITION_SPECS, *PHOTO_SPECS, *MATERIAL_SPECS, *TIMELINE_SPECS, *PARTNER_SPECS],
    )

    feed_urls = {}
    if network.central:
        for kind in ("rss", "atom"):
            feed_urls[kind] = network.central.root_url + reverse(
                f"{feed_namespace(page.locale_id)}:campaign_{kind}", kwargs={"slug": campaign.slug}
            )
    return {
        "campaign": campaign,
        "status": status,
        "status_label": status.label,
        "report_figures": report_figures(campaign, locale_codes().get(page.locale_id)),
        "live_figures": [
            KeyFigure(label=_("Bài viết đã đăng"), value=article_total, unit_label=_("bài")),
            KeyFigure(
                label=_("Công đoàn trực thuộc tham gia"),
                value=unions_taking_part,
                unit_label=_("đơn vị"),
            ),
        ],
        "article_total": article_total,
        "unions_taking_part": unions_taking_part,
        "participants": participants,
        # A row per union: the list is kept rendered (the "fragments" cache) under what it
        # shows, in this language.
        "participants_key": hashlib.sha256(
            repr(
                ([(p.union.name, p.link, p.article_count) for p in participants], get_language())
            ).encode()
        ).hexdigest(),
        "sections": sections,
        "photos": photos,
        "documents": documents,
        "materials": materials,
        "partners": partners,
        "news_hub_url": _hub_link(hub_url, campaign=campaign.slug),
        "feed_url": feed_urls.get("rss"),
        "atom_feed_url": feed_urls.get("atom"),
        "breadcrumbs": page.breadcrumbs(request),
        "activities": campaign_activities(campaign, network, request),
        "calendar_url": (
            network.central.root_url + reverse("calendar:campaign", kwargs={"slug": campaign.slug})
            if network.central
            else None
        ),
    }
