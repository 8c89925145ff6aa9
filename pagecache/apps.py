from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Bộ nhớ đệm trang")

    def ready(self):
        from cms.cache import on_recovery

        from . import cache, checks, signals  # noqa: F401

        on_recovery(cache.recover)
