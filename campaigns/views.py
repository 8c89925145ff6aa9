"""Admin view: copy a campaign for next year (confirmation on GET, the copy on POST)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from blog.models import Campaign, Column, ColumnPage
from sites.admin_isolation import permission_denied
from sites.models import Union

from .permissions import can_copy_campaigns
from .services import copy_campaign_for_next_year, next_edition_exists, next_edition_values


def campaign_listing_url():
    return reverse("wagtailsnippets_blog_campaign:list")


@require_http_methods(["GET", "POST"])
def copy_campaign(request, pk):
    if not can_copy_campaigns(request.user):
        return permission_denied(request)
    campaign = get_object_or_404(Campaign, pk=pk)
    if request.method == "POST":
        try:
            hub = copy_campaign_for_next_year(campaign, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(campaign_listing_url())
        messages.success(
            request,
            _(
                "Đã tạo chương trình “%(name)s”: chuyên trang và các chuyên mục trên mọi công "
                "đoàn đang hoạt động đều là bản nháp, chưa xuất bản."
            )
            % {"name": hub.campaign.name},
        )
        return redirect("wagtailadmin_pages:edit", hub.pk)

    values = next_edition_values(campaign)
    column_ids = ColumnPage.objects.filter(campaign=campaign).values("column_id")
    return TemplateResponse(
        request,
        "campaigns/admin/copy_confirm.html",
        {
            "campaign": campaign,
            "next": values,
            "exists": next_edition_exists(campaign),
            "columns": list(Column.objects.filter(pk__in=column_ids)),
            "unions": list(Union.objects.filter(is_active=True)),
            "cancel_url": campaign_listing_url(),
        },
    )
