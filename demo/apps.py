from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo network (load_demo): unions, campaigns, articles, reports and pictures made on
    this machine. Uses every other app; nothing imports it."""

    name = "demo"
    verbose_name = _("Dữ liệu mẫu")
