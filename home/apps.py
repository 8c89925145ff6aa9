from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ")

    def ready(self):
        # Django requires models to be imported once the registry is ready.
        from core.changes import page_row_model

        from .models import FeaturedArticle

        page_row_model(FeaturedArticle)
