"""Sitemaps and robots.txt, per site.

On a union's host ``/sitemap.xml`` lists that site's live, public pages. On the central host it
is a sitemap index: the central site's own pages (``/sitemap-trang.xml``) and the sitemap of
every active union, each on its own host. ``/robots.txt`` points at the host's own sitemap.
"""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Page

from pagecache.snapshot import locale_id_for
from sites.network import get_network, request_site, request_union

from .listing import visible


class SitePagesSitemap(Sitemap):
    """The current site's live, public pages that are not under an unpublished page, in the
    site's own language, or under `home` (the site's home in another language)."""

    def __init__(self, request=None, home=None):
        super().__init__(request)
        self.home = home

    def items(self):
        home = self.home or self.get_wagtail_site().root_page
        return (
            visible(home.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def host_site(request):
    """(network, the network site answering this host or None, the Wagtail site or None)."""
    return get_network(request), request_union(request), request_site(request)


def answering_site(request, language=None):
    """Like host_site, but 404 when the host has no site or its union is inactive. With a
    `language` (English feeds and sitemaps), the network and the site are those of that
    language's pages (Network.in_locale), and 404 when the site has no home in it; the
    Wagtail site is then None."""
    network, own, site = host_site(request)
    if own is None or not own.is_active:
        raise Http404
    if language:
        locale_id = locale_id_for(language)
        network = network.in_locale(locale_id)
        own = network.by_site_id.get(own.site_id)
        if own is None:
            raise Http404
        site = None
    return network, own, site


def home_of(own):
    """The home page (in the language `own` is rooted in)."""
    return Page.objects.get(pk=own.root_page_id).specific


def sitemap_url(network_site):
    return network_site.root_url + reverse("seo:sitemap")


@cache_control(max_age=3600)
def pages_sitemap(request):
    """The pages of the site answering this host (any host)."""
    answering_site(request)
    return wagtail_sitemap_views.sitemap(request, {"trang": SitePagesSitemap})


@cache_control(max_age=3600)
def sitemap(request):
    """A union host's pages; on the central host, the index of the network's sitemaps."""
    network, own, _site = answering_site(request)
    if not own.is_central:
        return wagtail_sitemap_views.sitemap(request, {"trang": SitePagesSitemap})
    return sitemap_index(request, network, own)


@cache_control(max_age=3600)
def language_sitemap(request, language):
    """The pages of this host's site in another language (English), never a mix; 404 when
    the site has none."""
    if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
        raise Http404
    _network, own, _site = answering_site(request, language)
    home = home_of(own)
    return wagtail_sitemap_views.sitemap(request, {"trang": SitePagesSitemap(request, home)})


def language_sitemap_url(network_site, language):
    return network_site.root_url + reverse("seo:language_sitemap", args=[language])


@x_robots_tag
def sitemap_index(request, network, central):
    own_pages = SitePagesSitemap(request)
    own_url = central.root_url + reverse("seo:pages_sitemap")
    entries = [SitemapIndexItem(own_url)]
    entries += [
        SitemapIndexItem(f"{own_url}?p={number}")
        for number in range(2, own_pages.paginator.num_pages + 1)
    ]
    entries += [SitemapIndexItem(sitemap_url(union)) for union in network.unions]
    # Each site's pages in the other languages, where it has them.
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        locale_id = locale_id_for(code)
        entries += [
            SitemapIndexItem(language_sitemap_url(s, code))
            for s in network.in_locale(locale_id).active
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


@cache_control(max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", ""]
    _network, own, _site = host_site(request)
    if own is not None and own.is_active:
        lines.append(f"Sitemap: {sitemap_url(own)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
