"""A union's own translations report: wagtail-localize's report (every translation of the
network, kept to whole-network readers: admin_isolation.NETWORK_VIEWS) narrowed to the
translations of the pages under the user's own home pages. The shared campaigns and columns
are translated by the centre and stay out of it."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.report import TranslationsReportView

from .permissions import own_root_paths, paths_q, reads_network_content
from .translation_drafts import save_translation_draft, submit_translation


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


@require_POST
def translation_draft(request, translation_id):
    """The buttons under wagtail-localize's editor of a page: "Lưu bản nháp" puts the translated
    strings into a new draft of the page, "Gửi duyệt" also sends that draft to the approvers.
    Readers keep seeing the published version until it is approved."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    model = translation.source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        raise Http404
    try:
        page = translation.source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    try:
        if request.POST.get("action") == "submit":
            page, started = submit_translation(translation, request.user)
            if started:
                message = gettext("Đã gửi duyệt bản dịch “%(title)s”.")
            else:
                message = gettext("Đã lưu bản dịch “%(title)s”; bản đang chờ duyệt là bản vừa lưu.")
        else:
            page, _revision = save_translation_draft(translation, request.user)
            message = gettext(
                "Đã lưu bản nháp “%(title)s”. Bạn đọc vẫn thấy bản đã xuất bản cho tới khi "
                "bản nháp được duyệt."
            )
        messages.success(request, message % {"title": page.get_admin_display_title()})
        total, done = translation.get_progress()
        if done < total:
            messages.warning(
                request,
                gettext("Còn %(missing)d/%(total)d đoạn chưa dịch: bản nháp giữ tiếng Việt ở đó.")
                % {"missing": total - done, "total": total},
            )
    except ValidationError as error:
        messages.error(
            request,
            gettext("Chưa lưu được bản dịch: %(errors)s") % {"errors": "; ".join(error.messages)},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


def urlpatterns():
    return [
        path(
            "translations/<int:translation_id>/draft/",
            translation_draft,
            name="translation_draft",
        ),
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
