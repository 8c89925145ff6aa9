from django.conf import settings
from django.core.checks import Warning, register

PROCESS_LOCAL = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register()
def shared_cache(app_configs, **kwargs):
    """With several web processes a per-process cache cannot be cleared by the others."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.PAGE_CACHE_ENABLED and not settings.DEBUG and backend in PROCESS_LOCAL:
        return [
            Warning(
                "The page cache uses a per-process cache.",
                hint="Set REDIS_URL when more than one process serves the site, or "
                "PAGE_CACHE_ENABLED=false.",
                id="pagecache.W001",
            )
        ]
    return []
