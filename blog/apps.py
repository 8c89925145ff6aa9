from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Tin bài")

    def ready(self):
        # Django requires models to be imported once the registry is ready.
        from core.changes import structure_model

        from . import signals  # noqa: F401  (tag slugs, moved articles)
        from .models import Campaign, Column

        for model in (Campaign, Column):
            structure_model(model)
