"""The ceiling: a trivial Django view returning the news hub's bytes.

A WSGI application with minimal settings (no database, no middleware), served by the same
gunicorn command as the site, so the site's throughput can be read as a share of it.
``BENCH_CEILING_FILE`` names the file holding the bytes to return.
"""

import os
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

BODY = Path(os.environ.get("BENCH_CEILING_FILE", "var/bench/hub.html")).read_bytes()


def hub_bytes(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", hub_bytes), path("<path:rest>", hub_bytes)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-ceiling",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_TZ=True,
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
