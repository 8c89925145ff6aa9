from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.choosers import SnippetChooserInVietnamese

from .models import Campaign, Column


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "calendar-alt"
    menu_label = _("Chương trình")
    chooser_viewset_class = SnippetChooserInVietnamese
    list_display = ["name", "start_date", "end_date", "hashtag"]


class ColumnViewSet(SnippetViewSet):
    model = Column
    icon = "folder-open-inverse"
    menu_label = _("Chuyên mục dùng chung")
    chooser_viewset_class = SnippetChooserInVietnamese
    list_display = ["name", "slug", "sort_order"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (CampaignViewSet, ColumnViewSet)
    menu_icon = "tag"
    menu_label = _("Chương trình, chuyên mục")
    menu_name = "taxonomy"
    menu_order = 250


register_snippet(TaxonomyGroup)
