from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Chuyên trang chương trình")

    def ready(self):
        # Django requires models to be imported once the registry is ready.
        from core.changes import page_row_model

        from .models import CampaignHubDocument, CampaignMaterial

        for model in (CampaignMaterial, CampaignHubDocument):
            page_row_model(model)
