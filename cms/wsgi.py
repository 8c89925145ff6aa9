import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Several processes on a per-process cache: refuse to start (pagecache.checks).
from pagecache.checks import refuse_to_start  # noqa: E402

refuse_to_start()
