"""What changes what the public sees: one signal, one list of events.

Every event that changes a public page becomes one ``content_changed`` signal with a
``Change``:

- ``Change(paths=…, pages=…)``: pages at (or around) these tree paths changed: publishing,
  unpublishing, saving a page (not a draft: see core.page_saves), deleting, changing its
  privacy, a site's branding; with ``rows_only=True``, a row shown with its page (the page's
  own fields did not change); with ``every_site=True``, one of the pages is linked from every
  site (its type sets ``linked_from_every_site``);
- ``Change(moved=…)``: the pages under these paths moved (with ``paths``: the old and new
  parent);
- ``Change(everything=True)``: the network itself changed: unions, sites, campaigns,
  columns, locales, and images or documents edited or deleted after first use; with
  ``sites_moved=True`` when a Wagtail site was added, removed or given another home page;
- ``Change(network_only=True)``: only pages that gather the whole network's data changed
  (a result report reviewed: the campaign hub's totals).

Each change is sent at once (this process sees it, inside the transaction) and again once the
transaction commits (``committed=True``), so a page another process renders between the two
from the data as it was is never kept.

The events, in one list (docs/architecture.md):

=========================================  ==========================  ===================
event                                      change                      wired in
=========================================  ==========================  ===================
page saved (not a draft), published,       paths + pages               core (here)
unpublished, deleted
page moved                                 moved (the page), paths     core (here)
                                           (old and new parent)
view restriction saved or deleted          paths (its page)            core (here)
Site saved or deleted                      everything, sites_moved     core (here)
Locale saved or deleted                    everything                  core (here)
image or document edited or deleted        everything                  core (here)
Union or Department saved or deleted       everything                  sites.apps
SiteBranding saved                         paths (the site's home)     sites.apps
Campaign or Column saved or deleted        everything                  blog.apps
hub material or hub document row           paths + pages (its hub),    campaigns.apps
                                           rows_only
featured article row                       paths + pages (its home),   home.apps
                                           rows_only
report accepted or returned                network_only                reports.apps
=========================================  ==========================  ===================

Listeners: the network snapshot (pagecache.snapshot), the page cache (pagecache.signals) and
the public search index (sitesearch.signals).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .page_saves import is_draft_only

# Sent with change=Change(…) and committed=bool.
content_changed = Signal()


@dataclass(frozen=True)
class Change:
    paths: tuple = ()
    pages: tuple = field(default=(), compare=False)  # the changed pages, when known
    moved: tuple = ()  # tree paths (after the move) of the pages moved, with their subtrees
    rows_only: bool = False  # only rows shown with `pages` changed, not the pages' own fields
    everything: bool = False
    sites_moved: bool = False
    network_only: bool = False
    # A page every site links to changed (its page type says ``linked_from_every_site``: the
    # campaign hubs, in every site's navigation): every site's rendered pages are stale.
    every_site: bool = False

    @property
    def all_paths(self):
        return self.paths + self.moved


def notify(change):
    content_changed.send(sender=Change, change=change, committed=False)
    transaction.on_commit(
        lambda: content_changed.send(sender=Change, change=change, committed=True),
        robust=True,
    )


def _linked_from_every_site(page):
    return getattr(page.specific_class, "linked_from_every_site", False)


def pages_changed(*pages, paths=(), every_site=False):
    every_site = every_site or any(_linked_from_every_site(p) for p in pages)
    notify(
        Change(
            paths=tuple(p.path for p in pages) + tuple(paths), pages=pages, every_site=every_site
        )
    )


def everything_changed(sites_moved=False):
    notify(Change(everything=True, sites_moved=sites_moved))


def network_pages_changed():
    notify(Change(network_only=True))


# Receivers. Apps connect their own models with the helpers at the end of this module.


def _on_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    # Any page, live or not: a new draft page hides its future children from listings.
    if not raw and isinstance(instance, Page) and not is_draft_only(update_fields):
        pages_changed(instance)


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_changed(paths=[instance.path], every_site=_linked_from_every_site(instance))


def _on_publish(sender, instance, **kwargs):
    pages_changed(instance)


def _on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    notify(
        Change(
            paths=(parent_page_before.path, parent_page_after.path),
            moved=(instance.path,),
            pages=(instance,),
        )
    )


def _on_privacy(sender, instance, **kwargs):
    page = instance.page
    pages_changed(paths=[page.path], every_site=_linked_from_every_site(page))


def _on_structure(sender, raw=False, **kwargs):
    if not raw:
        everything_changed()


def _on_site_change(sender, raw=False, **kwargs):
    if not raw:
        everything_changed(sites_moved=True)


def _on_file_change(sender, created=False, raw=False, **kwargs):
    # A new upload is on no public page yet; an edited (focal point, file, title) or
    # deleted one may be on any.
    if not created and not raw:
        everything_changed()


def _on_page_row(sender, instance, raw=False, **kwargs):
    if not raw:
        page = instance.page
        notify(Change(paths=(page.path,), pages=(page,), rows_only=True))


def _connect_both(receiver, model, uid):
    post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save-{model._meta.label}")
    post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete-{model._meta.label}")


def structure_model(model):
    """Saving or deleting a `model` row changes the network itself (Change.everything)."""
    _connect_both(_on_structure, model, "changes-structure")


def page_row_model(model):
    """A `model` row (with a ``page`` foreign key) is shown with its page."""
    _connect_both(_on_page_row, model, "changes-page-row")


def connect_wagtail_signals():
    uid = "changes"
    post_save.connect(_on_page_save, dispatch_uid=f"{uid}-page-save")
    post_delete.connect(_on_page_delete, dispatch_uid=f"{uid}-page-delete")
    page_published.connect(_on_publish, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_on_publish, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(_on_move, dispatch_uid=f"{uid}-moved")
    _connect_both(_on_privacy, PageViewRestriction, f"{uid}-privacy")
    _connect_both(_on_site_change, Site, f"{uid}-site")
    structure_model(Locale)
    for model in (get_image_model(), get_document_model()):
        _connect_both(_on_file_change, model, f"{uid}-file")
