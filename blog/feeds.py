"""RSS 2.0 and Atom feeds: each site's articles, a column's, a campaign's, and the network's.

Every feed answers on the host it is asked on and is scoped to that host's site (the network
feed exists only on the central host). Items link to each article on its own union's site, and
the whole feed runs a fixed number of queries (see ``for_cards``), whatever the network's size.
"""

import datetime as dt
import mimetypes
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.renditions import OG_IMAGE_SPEC
from pagecache.snapshot import locale_codes

from .listing import for_cards, in_sites, visible
from .models import (
    ArticlePage,
    ColumnPage,
    NewsHubPage,
    campaign_choices,
    column_choices,
    filter_articles,
    news_hub_under,
)
from .seo import answering_site, home_of

FEED_ITEMS = 20


@dataclass
class FeedItem:
    title: str
    link: str
    description: str
    pubdate: dt.datetime
    updateddate: dt.datetime
    author: str
    categories: tuple
    enclosure: Enclosure | None


@dataclass
class FeedSource:
    """What one feed shows: computed once per request by the view's ``get_object``."""

    request: object
    title: str
    link: str
    description: str
    articles: object  # an ArticlePage queryset, not yet ordered or limited
    network: object = field(repr=False, default=None)


def feed_namespace(locale_id):
    """The URL namespace of the feeds in the language of `locale_id` (cms/urls.py)."""
    language = locale_codes().get(locale_id)
    if language and language != settings.LANGUAGE_CODE:
        return f"feeds_{language}"
    return "feeds"


def feed_locale_id(own, site):
    """The locale of the feed's pages: the site's own, or (another language's feed, site
    None) that of its home in that language."""
    if site is not None:
        return site.root_page.locale_id
    return Page.objects.filter(pk=own.root_page_id).values_list("locale_id", flat=True).first()


def published_at(page):
    """The article's date, with the time it was first published when that was the same day
    (a translation published later, or an article dated back, keeps the date it shows)."""
    published = page.first_published_at
    if published and (page.date is None or timezone.localdate(published) == page.date):
        return published
    return timezone.make_aware(
        dt.datetime.combine(page.date, dt.time.min), timezone.get_default_timezone()
    )


def lead_image_enclosure(request, image):
    """The lead image's sharing rendition as an enclosure (absolute URL, size in bytes)."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
        size = rendition.file.size
    except (OSError, ValueError):  # missing source file, bad spec
        return None
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return Enclosure(request.build_absolute_uri(rendition.url), str(size), mime_type)


class ArticleFeed(Feed):
    """Shared behaviour; subclasses build the FeedSource in ``get_object``."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "max-age=300"
        return response

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def feed_url(self, obj):
        return obj.request.build_absolute_uri()

    def items(self, obj):
        request, network = obj.request, obj.network
        pages = for_cards(obj.articles, image_spec=OG_IMAGE_SPEC)[:FEED_ITEMS]
        items = []
        for page in pages:
            union = network.site_for_path(page.path)
            union_name = union.name if union else ""
            published = published_at(page)
            items.append(
                FeedItem(
                    title=page.title,
                    link=page.get_full_url(request),
                    description=page.intro or page.search_description or "",
                    pubdate=published,
                    updateddate=page.last_published_at or published,
                    author=union_name,
                    categories=(union_name,) if union_name else (),
                    enclosure=lead_image_enclosure(request, page.lead_image),
                )
            )
        return items

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.link

    def item_description(self, item):
        return item.description

    def item_pubdate(self, item):
        return item.pubdate

    def item_updateddate(self, item):
        return item.updateddate

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        return [item.enclosure] if item.enclosure else []


def articles_in(network_sites):
    return in_sites(visible(ArticlePage.objects.all()), network_sites)


class SiteFeed(ArticleFeed):
    """The articles of the site answering this host (in `language`: its English edition's)."""

    def get_object(self, request, language=None):
        network, own, _site = answering_site(request, language)
        return FeedSource(
            request=request,
            title=_("Tin bài – %(name)s") % {"name": own.name},
            link=home_of(own).get_full_url(request) if language else own.root_url + "/",
            description=_("Tin bài mới nhất của %(name)s.") % {"name": own.name},
            articles=articles_in([own]),
            network=network,
        )


class ColumnFeed(ArticleFeed):
    """The articles of this site's column pages that use the shared column `slug`."""

    def get_object(self, request, slug, language=None):
        network, own, site = answering_site(request, language)
        locale_id = feed_locale_id(own, site)
        column = next((c for c in column_choices(locale_id, request) if c.slug == slug), None)
        if column is None:
            raise Http404
        column_pages = list(
            in_sites(visible(ColumnPage.objects.filter(column_id=column.pk)), [own])
            .order_by("path")
            .only("id", "path", "url_path", "depth")
        )
        if not column_pages:
            raise Http404
        # Articles live only in column pages, so "under a column page" means "in it".
        in_columns = reduce(or_, (Q(path__startswith=p.path) for p in column_pages))
        articles = articles_in([own]).filter(in_columns)
        return FeedSource(
            request=request,
            title=_("%(column)s – %(name)s") % {"column": column.name, "name": own.name},
            link=column_pages[0].get_full_url(request),
            description=column.description
            or _("Tin bài chuyên mục “%(column)s” của %(name)s.")
            % {"column": column.name, "name": own.name},
            articles=articles,
            network=network,
        )


class CampaignFeed(ArticleFeed):
    """A campaign's articles: the union's own on its host, every active union's centrally."""

    def get_object(self, request, slug, language=None):
        network, own, site = answering_site(request, language)
        locale_id = feed_locale_id(own, site)
        campaign = next((c for c in campaign_choices(locale_id, request) if c.slug == slug), None)
        if campaign is None:
            raise Http404
        sites = network.active if own.is_central else [own]
        home = home_of(own) if language else site.root_page
        link = home.get_full_url(request) if language else own.root_url + "/"
        if own.is_central:
            hub = news_hub_under(home)
            if hub is not None:
                link = f"{hub.get_full_url(request)}?{urlencode({'campaign': campaign.slug})}"
            title = _("%(campaign)s – toàn mạng %(name)s")
        else:
            title = _("%(campaign)s – %(name)s")
        return FeedSource(
            request=request,
            title=title % {"campaign": campaign.name, "name": own.name},
            link=link,
            description=campaign.description or campaign.slogan or campaign.name,
            articles=articles_in(sites).filter(campaign_id=campaign.pk),
            network=network,
        )


def network_filter_form(request, network, home):
    """The news hub's filter form, built exactly as the hub builds it, and the hub (or None)."""
    hub = news_hub_under(home)
    form_page = hub if hub is not None else NewsHubPage(locale_id=home.locale_id)
    return form_page.get_filter_form(request, network), hub


def filter_query(form):
    """The valid filters of a hub filter form as a query string ('' when there are none)."""
    values = {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in form.valid_filters().items()
    }
    return urlencode(values)


class NetworkFeed(ArticleFeed):
    """Every active union's articles, with the news hub's filters. Central host only."""

    def get_object(self, request, language=None):
        network, own, site = answering_site(request, language)
        if not own.is_central:
            raise Http404
        home = home_of(own) if language else site.root_page
        form, hub = network_filter_form(request, network, home)
        query = filter_query(form)
        link = hub.get_full_url(request) if hub is not None else own.root_url + "/"
        if query:
            link = f"{link}?{query}"
        labels = [
            str(dict(form.fields[key].choices).get(value, value))
            for key, value in form.valid_filters().items()
            if key in ("union", "campaign", "column", "kind")
        ]
        title = _("Tin các công đoàn – %(name)s") % {"name": own.name}
        if labels:
            title = f"{title} ({', '.join(labels)})"
        return FeedSource(
            request=request,
            title=title,
            link=link,
            description=_("Tin bài mới nhất của các công đoàn trong mạng %(name)s.")
            % {"name": own.name},
            articles=filter_articles(form, articles_in(network.active)),
            network=network,
        )


def atom(feed_class):
    """The Atom 1.0 variant of a feed class."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})
