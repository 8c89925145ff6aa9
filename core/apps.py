from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app needs and that imports no app of ours: Vietnamese text folding, tree
    paths, the content-changed signal and its Wagtail events, the fail-soft cache client,
    file access and upload checks, rendition specs."""

    name = "core"
    verbose_name = _("Lõi")

    def ready(self):
        from django.core.signals import request_finished

        from . import changes, observability, renditions, widgets

        request_finished.connect(observability.forget_request_id, dispatch_uid="request-id")
        changes.connect_wagtail_signals()
        renditions.connect_signals()
        widgets.register_admin_date_widgets()
