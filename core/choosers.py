"""Snippet choosers with a Vietnamese language filter: Wagtail's chooser adds its "locale"
filter without a label, so Django shows the field's English name ("Locale")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet


class LabelledLocaleFilterMixin:
    def get_filter_form_class(self):
        base = super().get_filter_form_class()

        class FilterForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "locale" in self.fields:
                    self.fields["locale"].label = _("Ngôn ngữ")

        return FilterForm


class LabelledChooseView(LabelledLocaleFilterMixin, ChooseView):
    pass


class LabelledChooseResultsView(LabelledLocaleFilterMixin, ChooseResultsView):
    pass


class SnippetChooserInVietnamese(SnippetChooserViewSet):
    choose_view_class = LabelledChooseView
    choose_results_view_class = LabelledChooseResultsView
