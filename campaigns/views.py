"""Admin view: copy a campaign for next year (the form on GET, the copy on a valid POST)."""

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

from .forms import CampaignCopyForm
from .permissions import can_copy_campaigns
from .services import copy_campaign_for_next_year, next_edition_exists, next_edition_values


def campaign_listing_url():
    return reverse("wagtailsnippets_blog_campaign:list")


@require_http_methods(["GET", "POST"])
def copy_campaign(request, pk):
    if not can_copy_campaigns(request.user):
        return permission_denied(request)
    campaign = get_object_or_404(Campaign, pk=pk)
    values = next_edition_values(campaign)
    form = CampaignCopyForm(
        request.POST if request.method == "POST" else None,
        initial=values,
        campaign=campaign,
        has_report=values["deadline"] is not None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            hub = copy_campaign_for_next_year(campaign, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Đã tạo chương trình “%(name)s”: chuyên trang và các chuyên mục trên mọi "
                    "công đoàn đang hoạt động đều là bản nháp, chưa xuất bản."
                )
                % {"name": hub.campaign.name},
            )
            return redirect("wagtailadmin_pages:edit", hub.pk)

    column_ids = ColumnPage.objects.filter(campaign=campaign).values("column_id")
    return TemplateResponse(
        request,
        "campaigns/admin/copy_confirm.html",
        {
            "campaign": campaign,
            "form": form,
            "media": form.media,
            "next": values,
            "exists": next_edition_exists(campaign),
            "columns": list(Column.objects.filter(pk__in=column_ids)),
            "unions": list(Union.objects.filter(is_active=True)),
            "cancel_url": campaign_listing_url(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
