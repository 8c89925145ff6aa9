"""A union's own translations report: wagtail-localize's report (every translation of the
network, kept to whole-network readers: admin_isolation.NETWORK_VIEWS) narrowed to the
translations of the pages under the user's own home pages. The shared campaigns and columns
are translated by the centre and stay out of it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail_localize.views.report import TranslationsReportView

from .permissions import own_root_paths, paths_q, reads_network_content


class UnionTranslationsReportView(TranslationsReportView):
    index_url_name = "union_translations_report"
    index_results_url_name = "union_translations_report_results"
    page_title = _("Bản dịch của công đoàn")

    def get_queryset(self):
        translations = super().get_queryset().order_by("-pk")
        user = self.request.user
        if reads_network_content(user):
            return translations
        own_pages = Page.objects.filter(paths_q(own_root_paths(user))).values("translation_key")
        return translations.filter(source__object_id__in=own_pages)


def urlpatterns():
    return [
        path(
            "reports/union-translations/",
            UnionTranslationsReportView.as_view(),
            name="union_translations_report",
        ),
        path(
            "reports/union-translations/results/",
            UnionTranslationsReportView.as_view(results_only=True),
            name="union_translations_report_results",
        ),
    ]


class UnionTranslationsMenuItem(MenuItem):
    """Shown to a union's users; the network's readers have wagtail-localize's own report."""

    def is_shown(self, request):
        return not reads_network_content(request.user)


def menu_item():
    return UnionTranslationsMenuItem(
        _("Bản dịch"), reverse("union_translations_report"), icon_name="site", order=800
    )
