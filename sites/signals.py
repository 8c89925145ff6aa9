"""The network's own models in the one list of changes (core.changes)."""

from django.db.models.signals import post_save

from core.changes import pages_changed, structure_model

from .models import Department, SiteBranding, Union


def _on_branding(sender, instance, raw=False, **kwargs):
    # The site's own pages, and the central directory which shows its logo.
    if not raw:
        pages_changed(paths=[instance.site.root_page.path])


def connect():
    structure_model(Union)
    structure_model(Department)
    post_save.connect(_on_branding, sender=SiteBranding, dispatch_uid="changes-branding")
