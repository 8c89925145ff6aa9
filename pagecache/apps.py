from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Bộ nhớ đệm trang")

    def ready(self):
        from core.cache import on_recovery
        from core.changes import content_changed

        from . import cache, checks, signals, snapshot  # noqa: F401

        on_recovery(cache.recover)
        content_changed.connect(snapshot.on_content_changed, dispatch_uid="snapshot-changes")
