"""Invalidate the page cache (and purge the frontend cache, when configured) when content
changes. Each handler bumps generation counters once the transaction commits (see
``pagecache.cache``): a page's change clears its site and every page that gathers the
network's content (the central site: home, news hub, campaign hubs, network feeds)."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from blog.models import Campaign, Column
from reports.signals import report_reviewed
from sites.models import SiteBranding, Union

from . import cache as store

logger = logging.getLogger(__name__)


def _sites_for_paths(paths):
    """The Wagtail sites whose home page is (an ancestor of) the page at each path."""
    roots = Site.objects.select_related("root_page").only("id", "root_page__path")
    found = set()
    for path in paths:
        best = None
        for site in roots:
            root = site.root_page.path
            if path.startswith(root) and (best is None or len(root) > len(best.root_page.path)):
                best = site
        if best is not None:
            found.add(best)
    return found


def content_changed(*pages, paths=()):
    """Clear the pages' sites and the network-wide pages, after the transaction commits."""
    paths = [p.path for p in pages] + list(paths)
    sites = _sites_for_paths(paths)
    urls = _page_urls(pages) if _frontend_cache_configured() else []

    names = [store.NETWORK] + [store.site_counter(s.pk) for s in sites]
    if not sites:  # outside every site: be safe
        names.append(store.GLOBAL)
    _now_and_after_commit(names, lambda: _purge(urls, sites))


def everything_changed():
    _now_and_after_commit([store.GLOBAL], lambda: _purge([], set(Site.objects.all())))


def _now_and_after_commit(names, purge):
    """Bump now (this process sees the change at once, even inside the transaction) and
    again after the commit: a page another request renders between the two, from the data
    as it was before the commit, is never served."""
    store.bump(*names)

    def after_commit():
        store.bump(*names)
        purge()

    transaction.on_commit(after_commit, robust=True)


@receiver(page_published)
@receiver(page_unpublished)
def on_publish(sender, instance, **kwargs):
    content_changed(instance)


@receiver(post_save)
def on_page_save(sender, instance, raw=False, **kwargs):
    # Publishing is handled above; this catches live pages changed by code (e.g. scripts).
    if not raw and isinstance(instance, Page) and instance.live:
        content_changed(instance)


@receiver(post_delete)
def on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed(paths=[instance.path])


@receiver(pre_page_move)
def before_move(sender, instance, **kwargs):
    # The old address, for the frontend cache: the page's URL before it moves.
    instance._pagecache_old_urls = _page_urls([instance]) if _frontend_cache_configured() else []


@receiver(post_page_move)
def on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    content_changed(instance, paths=[parent_page_before.path, parent_page_after.path])
    old_urls = getattr(instance, "_pagecache_old_urls", [])
    if old_urls:
        transaction.on_commit(lambda: _purge(old_urls, set()), robust=True)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender, instance, **kwargs):
    content_changed(paths=[instance.page.path])


@receiver(post_save, sender=SiteBranding)
def on_branding_change(sender, instance, **kwargs):
    # The site's own pages, and the central directory which shows its logo.
    content_changed(paths=[instance.site.root_page.path])


@receiver(post_save, sender=Union)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Campaign)
@receiver(post_delete, sender=Campaign)
@receiver(post_save, sender=Column)
@receiver(post_delete, sender=Column)
def on_structure_change(sender, **kwargs):
    # Names in every menu, filter and label, hostnames, active unions: clear everything.
    everything_changed()


@receiver(report_reviewed)
def on_report_reviewed(sender, report, **kwargs):
    # The campaign hub's network totals (a central page, so a network-wide page).
    _now_and_after_commit([store.NETWORK], lambda: _purge([], set()))


# Frontend cache (wagtail.contrib.frontend_cache), when WAGTAILFRONTENDCACHE is set.


def _frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _page_urls(pages):
    urls = []
    for page in pages:
        url = page.specific_deferred.get_full_url() if page.pk else None
        if url:
            urls.append(url)
    return urls


def _network_urls(sites):
    """Each site's home, feeds and sitemap; the central site's hubs and network feeds."""
    from django.urls import reverse

    from blog.models import NewsHubPage
    from campaigns.models import CampaignHubPage

    central = Site.objects.filter(union__is_central=True).first()
    urls = []
    for site in set(sites) | ({central} if central else set()):
        root = site.root_url
        urls.append(root + "/")
        for name in ("feeds:site_rss", "feeds:site_atom", "seo:sitemap"):
            urls.append(root + reverse(name))
    if central:
        for name in ("feeds:network_rss", "feeds:network_atom"):
            urls.append(central.root_url + reverse(name))
        for page in [*NewsHubPage.objects.live(), *CampaignHubPage.objects.live()]:
            url = page.get_full_url()
            if url:
                urls.append(url)
    return urls


def _purge(urls, sites):
    if not _frontend_cache_configured():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch(urls)
    batch.add_urls(_network_urls(sites))
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Frontend cache purge failed")
