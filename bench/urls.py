"""The site's URLs plus the ceiling view behind the site's whole middleware stack.

``/__bench__/hub-bytes/`` returns the news hub's bytes (``BENCH_CEILING_FILE``) from a
trivial view: what every request pays before any page code runs.
"""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


@cache
def _body():
    return Path(os.environ.get("BENCH_CEILING_FILE", "var/bench/hub.html")).read_bytes()


def hub_bytes(request):
    return HttpResponse(_body(), content_type="text/html; charset=utf-8")


urlpatterns = [path("__bench__/hub-bytes/", hub_bytes), *site_urlpatterns]
