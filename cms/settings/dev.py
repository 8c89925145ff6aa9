from .base import *  # noqa: F403
from .base import env_bool, env_list

# Readers' pages as production shows them (the branded 404 and 500 pages); Django's debug pages
# only when asked for: DEBUG=1 make run.
DEBUG = env_bool("DEBUG", False)
# Static files straight from the apps' folders, without collectstatic (WhiteNoise).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://localhost:" + os.environ.get("PORT", "8000")  # noqa: F405
