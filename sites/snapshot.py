"""Network-wide data that every public page needs, cached across requests.

The unions and their sites, each site's branding and menu, the campaigns and columns
(filter choices), the locales and the branches that listings must keep out (unpublished or
restricted) change rarely but are read on every page. They are kept in Django's cache
(Redis when REDIS_URL is set, local memory otherwise) under a version number; any change
to the data behind them (see `connect_signals`) bumps the version, so the next read
reloads: a stale menu, branding or listing exclusion is never served.
"""

from django.core.cache import cache

VERSION_KEY = "network-snapshot:version"
TIMEOUT = 60 * 60 * 24


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        # A fresh number (not 1) so a cache emptied and refilled never reuses old entries.
        import time

        current = time.time_ns()
        if not cache.add(VERSION_KEY, current, timeout=None):
            current = cache.get(VERSION_KEY, current)
    return current


def bump(**kwargs):
    """Make every cached entry stale (signal receiver: accepts any signal arguments)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: nothing cached under one either
        version()
        cache.incr(VERSION_KEY)


def cached(name, loader, request=None):
    """`loader()`, cached under the current version (and on the request, if given)."""
    memo = getattr(request, "_network_snapshot", None) if request is not None else None
    if memo is not None and name in memo:
        return memo[name]
    key = f"network-snapshot:{version()}:{name}"
    boxed = cache.get(key)  # (value,), so that None can be cached too
    if boxed is None:
        boxed = (loader(),)
        cache.set(key, boxed, TIMEOUT)
    value = boxed[0]
    if request is not None:
        if memo is None:
            memo = request._network_snapshot = {}
        memo[name] = value
    return value


def locale_codes():
    """{locale id: language code}, cached."""
    from wagtail.models import Locale

    return cached("locales", lambda: dict(Locale.objects.values_list("id", "language_code")))


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from blog.models import Campaign, Column

    from .models import SiteBranding, Union

    uid = "network-snapshot-bump"
    cached_models = [
        Union,
        Site,
        SiteBranding,
        Campaign,
        Column,
        Locale,
        PageViewRestriction,
        get_document_model(),  # campaign hub documents and materials
        # Rows cached with their page (also saved on publish, which bumps anyway).
        apps.get_model("campaigns", "CampaignMaterial"),
        apps.get_model("campaigns", "CampaignHubDocument"),
        apps.get_model("home", "FeaturedArticle"),
    ]
    for model in cached_models:
        post_save.connect(bump, sender=model, dispatch_uid=f"{uid}-save-{model._meta.label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}-delete-{model._meta.label}")
    # Pages: any saved or deleted page (of any type) may change a menu or a hidden branch.
    post_save.connect(_bump_for_page, dispatch_uid=f"{uid}-save-page")
    post_delete.connect(_bump_for_page, dispatch_uid=f"{uid}-delete-page")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(bump, dispatch_uid=f"{uid}-{id(signal)}")
    # A branding logo's image (focal point, file) is part of the cached branding.
    post_save.connect(bump, sender=get_image_model(), dispatch_uid=f"{uid}-image")


def _bump_for_page(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump()
