from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import ReportTemplate
from .panels import ReportsPanel
from .permissions import can_see_reports


class ReportTemplateViewSet(SnippetViewSet):
    """The centre defines each campaign's report: deadline and figures."""

    model = ReportTemplate
    icon = "list-ol"
    menu_label = _("Mẫu báo cáo kết quả")
    add_to_admin_menu = False
    list_display = ["campaign", "deadline"]


register_snippet(ReportTemplateViewSet)


@hooks.register("register_admin_urls")
def register_report_admin_urls():

    urls = [
        path("", views.index, name="index"),
        path("<int:campaign_id>/", views.dashboard, name="dashboard"),
        path("<int:campaign_id>/cong-doan/<int:union_id>/", views.report, name="report"),
        path("<int:campaign_id>/cong-doan/<int:union_id>/xet/", views.review, name="review"),
        path(
            "<int:campaign_id>/cong-doan/<int:union_id>/csv/",
            views.report_export,
            name="report_export",
        ),
    ]
    return [
        path("bao-cao-ket-qua/", include((urls, "campaign_reports"), namespace="campaign_reports"))
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Báo cáo kết quả"),
        reverse("campaign_reports:index"),
        name="campaign-reports",
        icon_name="clipboard-list",
        order=160,
    )


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    panels.append(ReportsPanel(request.user))
