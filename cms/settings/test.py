import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": CACHES["fragments"],  # noqa: F405
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cms-test-media-"))  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="cms-test-static-"))  # noqa: F405
# django-axes needs the request at authenticate(); tests that log in directly turn it off,
# and the lockout test turns it back on.
AXES_ENABLED = False
# Making every listing rendition on each image save costs seconds per test; the rendition test
# turns it back on, and pages make the ones they need on first use.
LISTING_RENDITIONS_ON_SAVE = False
