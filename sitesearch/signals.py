"""Keep the public search index (sitesearch.index) in step with what is published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.page_saves import is_draft_only

from . import index


@receiver(post_save)
def on_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    # Publishing saves the page (and then sends page_published, below); pages created live
    # by code or a change made by a script come through here only.
    if raw or not isinstance(instance, Page) or is_draft_only(update_fields):
        return
    if instance.live:
        index.index_page(instance)
    else:
        index.remove_page(instance)


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    # Again, now that the page's tags and other child rows are saved too.
    index.index_page(instance)


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    index.remove_page(instance)


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    # The page and its descendants may now belong to another site.
    index.index_branch(instance.path)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def on_site_change(sender, raw=False, **kwargs):
    if not raw:
        index.assign_sites()
