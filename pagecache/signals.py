"""Invalidate the page cache (and purge the frontend cache, when configured) when content
changes. The events are listed once, in core.changes; here each change bumps generation
counters (see ``pagecache.cache``): a page's change clears its site and every page that
gathers the network's content (the central site: home, news hub, campaign hubs, network
feeds)."""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import pre_page_move

from core.changes import content_changed
from core.tree import SiteRoots

from . import cache as store

logger = logging.getLogger(__name__)


@receiver(content_changed)
def on_content_changed(sender, change, committed, **kwargs):
    if change.everything or change.every_site:
        names, sites = [store.GLOBAL], None
    elif change.network_only:
        names, sites = [store.NETWORK], set()
    else:
        roots = SiteRoots()
        sites = {roots.site_for(path) for path in change.all_paths} - {None}
        names = [store.NETWORK] + [store.site_counter(s.pk) for s in sites]
        if not sites:  # outside every site: be safe
            names.append(store.GLOBAL)
    store.bump(*names)
    if committed and _frontend_cache_configured():
        if sites is None:
            sites = set(Site.objects.all())
        _purge(_page_urls(change.pages), sites)


@receiver(pre_page_move)
def before_move(sender, instance, **kwargs):
    # The old address, for the frontend cache: the page's URL before it moves.
    if _frontend_cache_configured():
        old_urls = _page_urls([instance])
        transaction.on_commit(lambda: _purge(old_urls, set()), robust=True)


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
        gathering = [m for m in get_page_models() if getattr(m, "gathers_network", False)]
        for page in Page.objects.live().type(*gathering).specific() if gathering else []:
            url = page.get_full_url()
            if url:
                urls.append(url)
    return urls


def _purge(urls, sites):
    if not _frontend_cache_configured():
        return

    batch = PurgeBatch(urls)
    batch.add_urls(_network_urls(sites))
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Frontend cache purge failed")
