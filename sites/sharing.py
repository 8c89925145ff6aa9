"""What a page tells Facebook, Zalo and search engines when it is shared or indexed."""

from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlencode

from django.utils import timezone, translation

from core.renditions import LOGO_IMAGE_SPEC, OG_IMAGE_SPEC
from pagecache.snapshot import locale_codes
from sites.identity import site_identity
from sites.models import SiteBranding
from sites.network import request_site

# Facebook and Zalo show link previews best at 1200×630; a logo is shown whole.
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    large: bool = True  # a 1200×630 picture, rather than a logo


@dataclass
class ShareMeta:
    url: str
    title: str
    description: str
    site_name: str
    type: str
    locale: str
    image: ShareImage | None
    published_time: str = ""
    modified_time: str = ""

    @property
    def facebook_url(self):
        return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": self.url})

    @property
    def zalo_url(self):
        return "https://sp.zalo.me/share?" + urlencode({"url": self.url})


def share_image(request, image, spec, large=True, rendition=None):
    if image is None:
        return None
    rendition = rendition or image.get_rendition(spec)
    return ShareImage(
        url=request.build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text,
        large=large,
    )


def logo_share_image(request, branding):
    """The site's logo as the sharing picture (the rendition kept with the branding)."""
    return share_image(
        request,
        branding.logo,
        LOGO_IMAGE_SPEC,
        large=False,
        rendition=branding.logo_rendition(LOGO_IMAGE_SPEC),
    )


def _local_iso(moment):
    return timezone.localtime(moment).isoformat() if moment else ""


def share_meta(page, request, identity=None):
    """Open Graph / Twitter data for a page, with absolute URLs on the page's own host
    (`identity`: the page's sites.identity.SiteIdentity, when the caller has it)."""
    site = request_site(request)
    branding = SiteBranding.for_request(request) if site is not None else None
    image = share_image(request, getattr(page, "lead_image", None), OG_IMAGE_SPEC)
    if image is None and branding is not None:
        # Pages without a picture of their own are shown with their site's logo.
        image = logo_share_image(request, branding)
    is_article = hasattr(page, "date")
    published = page.first_published_at
    if is_article and published is None:
        # Pages made outside the admin (imports) have only their article date.
        published = timezone.make_aware(datetime.combine(page.date, time.min))
    locale_id = getattr(page, "locale_id", None)
    language = locale_codes().get(locale_id) or translation.get_language()
    identity = identity or site_identity(request, page)
    return ShareMeta(
        url=page.get_full_url(request) or request.build_absolute_uri(),
        title=page.seo_title or page.title,
        description=page.get_meta_description() or identity.tagline,
        site_name=identity.name,
        type="article" if is_article else "website",
        locale=OG_LOCALES.get(language, "vi_VN"),
        image=image,
        published_time=_local_iso(published) if is_article else "",
        modified_time=_local_iso(page.last_published_at) if is_article else "",
    )


def view_share_meta(request, title, description=""):
    """The same data for a page that is a view, not a Wagtail page (e.g. search)."""
    site = request_site(request)
    branding = SiteBranding.for_request(request) if site is not None else None
    return ShareMeta(
        url=request.build_absolute_uri(request.path),
        title=str(title),
        description=str(description) or (branding.tagline if branding else ""),
        site_name=site.site_name if site else "",
        type="website",
        locale=OG_LOCALES.get(translation.get_language(), "vi_VN"),
        image=logo_share_image(request, branding) if branding else None,
    )
