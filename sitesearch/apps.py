from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SiteSearchConfig(AppConfig):
    name = "sitesearch"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from core.changes import content_changed

        from . import signals

        content_changed.connect(signals.on_content_changed, dispatch_uid="search-index-changes")
        post_migrate.connect(fill_empty_index, sender=self)


def fill_empty_index(using="default", **kwargs):
    """A database migrated from before the index existed gets its entries once."""
    from wagtail.models import Page

    from .index import rebuild
    from .models import SearchEntry

    if (
        not SearchEntry.objects.using(using).exists()
        and Page.objects.using(using).filter(live=True, depth__gt=1).exists()
    ):
        rebuild()
