import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Several processes on a per-process cache: refuse to start (pagecache.checks).
from pagecache.checks import refuse_to_start  # noqa: E402

refuse_to_start()

# What is loaded by now (Django, Wagtail, the apps, about 200,000 objects) lives as long as
# the worker: out of the garbage collector's sight, its full passes only walk what requests
# left behind. Before, one request in forty or so paid for a pass over all of it (about
# 150 ms; 4 ms a request on average on the news hub: docs/performance.md).
gc.freeze()
