"""What changes what the public sees: one list of events, told to every cache.

The receivers below turn model and page signals into one `content_changed` signal with a
`Change`:

- ``Change(paths=…)``: pages at (or around) these tree paths changed: publishing,
  unpublishing, saving a page (not a draft: see cms.page_saves), deleting, moving, changing
  its privacy, a site's branding, a row shown with its page;
- ``Change(everything=True)``: the network itself changed: unions, sites, campaigns,
  columns, locales, and images or documents edited or deleted after first use;
- ``Change(network_only=True)``: only pages that gather the whole network's data changed
  (a result report reviewed: the campaign hub's totals).

Each change is sent at once (this process sees it, even inside the transaction) and again
once the transaction commits (``committed=True``), so a page another process renders
between the two from the data as it was is never kept. Listeners: the network snapshot
(sites.snapshot) and the page cache (pagecache.signals).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from cms.page_saves import is_draft_only

# Sent with change=Change(…) and committed=bool.
content_changed = Signal()


@dataclass(frozen=True)
class Change:
    paths: tuple = ()
    pages: tuple = field(default=(), compare=False)  # the changed pages, when known
    everything: bool = False
    network_only: bool = False


def notify(change):
    content_changed.send(sender=Change, change=change, committed=False)
    transaction.on_commit(
        lambda: content_changed.send(sender=Change, change=change, committed=True),
        robust=True,
    )


def pages_changed(*pages, paths=()):
    notify(Change(paths=tuple(p.path for p in pages) + tuple(paths), pages=pages))


def everything_changed():
    notify(Change(everything=True))


def network_pages_changed():
    notify(Change(network_only=True))


# Receivers (connected by connect_signals).


def _on_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    from wagtail.models import Page

    # Any page, live or not: a new draft page hides its future children from listings.
    if not raw and isinstance(instance, Page) and not is_draft_only(update_fields):
        pages_changed(instance)


def _on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        pages_changed(paths=[instance.path])


def _on_publish(sender, instance, **kwargs):
    pages_changed(instance)


def _on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    pages_changed(instance, paths=[parent_page_before.path, parent_page_after.path])


def _on_privacy(sender, instance, **kwargs):
    pages_changed(paths=[instance.page.path])


def _on_branding(sender, instance, **kwargs):
    # The site's own pages, and the central directory which shows its logo.
    pages_changed(paths=[instance.site.root_page.path])


def _on_page_row(sender, instance, raw=False, **kwargs):
    # A row shown with its page (hub materials, featured articles) written on its own.
    if not raw:
        pages_changed(instance.page)


def _on_structure(sender, **kwargs):
    if not kwargs.get("raw"):
        everything_changed()


def _on_file_change(sender, created=False, raw=False, **kwargs):
    # A new upload is on no public page yet; an edited (focal point, file, title) or
    # deleted one may be on any.
    if not created and not raw:
        everything_changed()


def _on_report_reviewed(sender, **kwargs):
    network_pages_changed()


def connect_signals():
    from django.apps import apps
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from blog.models import Campaign, Column
    from reports.signals import report_reviewed

    from .models import SiteBranding, Union

    uid = "sites-changes"
    post_save.connect(_on_page_save, dispatch_uid=f"{uid}-page-save")
    post_delete.connect(_on_page_delete, dispatch_uid=f"{uid}-page-delete")
    page_published.connect(_on_publish, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_on_publish, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(_on_move, dispatch_uid=f"{uid}-moved")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_on_privacy, sender=PageViewRestriction, dispatch_uid=f"{uid}-pvr-{name}")
        for model in (Union, Site, Campaign, Column, Locale):
            signal.connect(
                _on_structure, sender=model, dispatch_uid=f"{uid}-{name}-{model._meta.label}"
            )
        for label in (
            "campaigns.CampaignMaterial",
            "campaigns.CampaignHubDocument",
            "home.FeaturedArticle",
        ):
            signal.connect(
                _on_page_row, sender=apps.get_model(label), dispatch_uid=f"{uid}-{name}-{label}"
            )
        for model in (get_image_model(), get_document_model()):
            signal.connect(
                _on_file_change, sender=model, dispatch_uid=f"{uid}-{name}-{model._meta.label}"
            )
    post_save.connect(_on_branding, sender=SiteBranding, dispatch_uid=f"{uid}-branding")
    report_reviewed.connect(_on_report_reviewed, dispatch_uid=f"{uid}-report-reviewed")
