from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from core.media import serve_media
from sites import icons

urlpatterns = [
    # For the proxy, the container runtime and monitoring (core/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Renditions for everyone a collection's privacy lets in; originals only to those who
    # work with them; documents and unfinished uploads never (see cms/media.py).
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media")]

# Feeds, sitemaps, robots.txt and each site's icons, before the Wagtail catch-all below.
urlpatterns += [
    path("favicon.ico", icons.site_icon, name="favicon"),
    path("apple-touch-icon.png", icons.site_icon, {"size": 180}, name="apple_touch_icon"),
    path("icons/<int:size>.png", icons.site_icon, name="site_icon"),
    path("site.webmanifest", icons.web_manifest, name="web_manifest"),
    path("feeds/", include("blog.feed_urls")),
    # The same feeds of each other language's pages (English editions): /en/feeds/…
    *[
        path(
            f"{code}/feeds/",
            include("blog.feed_urls", namespace=f"feeds_{code}"),
            {"language": code},
        )
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ],
    path("lich/", include("activities.urls")),
    path("", include("blog.seo_urls")),
]

# Vietnamese pages live at the root, English translations under /en/.
urlpatterns += i18n_patterns(
    path("", include("sitesearch.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 500 page shows the request's id (core/observability.py).
handler500 = "core.observability.server_error"
