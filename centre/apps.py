from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentreConfig(AppConfig):
    """The central department's desk: its window on every union's pages."""

    name = "centre"
    label = "centre"
    verbose_name = _("Ban Tuyên giáo - Nữ công")

    def ready(self):
        from . import signals

        signals.connect()
