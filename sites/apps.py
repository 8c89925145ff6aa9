from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    label = "sites"
    verbose_name = _("Mạng công đoàn")

    def ready(self):
        # Django requires models to be imported once the registry is ready.
        from . import signals

        signals.connect()
