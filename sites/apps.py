from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    label = "sites"
    verbose_name = _("Mạng công đoàn")

    def ready(self):
        # Wagtail answers a refused admin URL with a redirect to the dashboard; answer 403.
        import wagtail.admin.auth

        from .admin_isolation import permission_denied

        wagtail.admin.auth.permission_denied = permission_denied

        from . import changes, snapshot

        changes.connect_signals()
        changes.content_changed.connect(snapshot.on_content_changed)
