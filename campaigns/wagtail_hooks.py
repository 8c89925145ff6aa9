from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Locale

from blog.models import Campaign, Column

from . import views
from .permissions import can_copy_campaigns
from .services import ensure_campaign_columns


@hooks.register("register_admin_urls")
def register_campaign_admin_urls():

    return [
        path(
            "campaigns/<int:pk>/copy-next-year/",
            views.copy_campaign,
            name="campaigns_copy_next_year",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def copy_for_next_year_button(snippet, user, next_url=None):
    if isinstance(snippet, Campaign) and can_copy_campaigns(user):
        yield Button(
            _("Sao chép cho năm sau"),
            reverse("campaigns_copy_next_year", args=[snippet.pk]),
            icon_name="copy",
            priority=60,
        )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def give_every_union_the_columns(request, instance):
    """A campaign (or a shared column) the centre adds or edits reaches every active union's
    site: a column page for each of its columns, while the campaign is under way.
    Translations (an English campaign or column) only carry words: pages point at the
    Vietnamese one (blog.models.taxonomy)."""
    if getattr(instance, "locale_id", None) != Locale.get_default().pk:
        return
    if isinstance(instance, Campaign):
        ensure_campaign_columns(campaigns=[instance])
    elif isinstance(instance, Column):
        campaigns = list(instance.campaigns.all())  # the service skips those that ended
        ensure_campaign_columns(campaigns=campaigns, standing=not campaigns, columns=[instance])
