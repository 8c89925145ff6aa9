from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo kết quả"

    def ready(self):
        from .signals import connect

        connect()
