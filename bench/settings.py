"""The production settings, as the benchmark runs them.

Only what the benchmark must control is added: the page cache switch (read from the
environment, so one gunicorn run is uncached and the next cached) and the SQL timing the
in-process measurement needs nothing else for.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import env_bool

# The page cache (the ``pagecache`` app, when installed) on or off for this process.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)

# The site's URLs plus /__bench__/hub-bytes/, the ceiling view behind the site's middleware.
ROOT_URLCONF = "bench.urls"
