"""Each site's icons and web app manifest: its logo (square, PNG) when it has one, the network's
emblem otherwise. Pages link fixed addresses (templates/base.html), so rendering a page costs no
query for them; browsers asking for /favicon.ico directly get the same icon."""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from core.renditions import ICON_SIZES, icon_spec

from .models import SiteBranding, Union

MAX_AGE = 24 * 60 * 60


def _cached(response):
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def site_icon(request, size=32):
    if size not in ICON_SIZES:
        raise Http404
    branding = SiteBranding.for_request(request)
    if branding.logo_id:
        url = branding.logo.get_rendition(icon_spec(size)).url
    else:
        url = static(f"img/icon-{size}.png")
    return _cached(HttpResponseRedirect(url))


@require_safe
def web_manifest(request):
    site = request.site
    branding = SiteBranding.for_request(request)
    union = Union.objects.filter(site=site).only("short_name").first() if site else None
    name = site.site_name if site else ""
    manifest = {
        "name": name,
        "short_name": union.short_name if union else name,
        "lang": "vi",
        "start_url": "/",
        "display": "browser",
        "theme_color": branding.primary_colour or "#a61b1b",
        "background_color": "#ffffff",
        "icons": [
            {
                "src": reverse("site_icon", kwargs={"size": size}),
                "sizes": f"{size}x{size}",
                "type": "image/png",
            }
            for size in (192, 512)
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return _cached(response)
