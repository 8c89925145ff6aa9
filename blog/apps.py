from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Tin bài")

    def ready(self):
        from . import signals  # noqa: F401
        from .renditions import connect_signals

        connect_signals()
