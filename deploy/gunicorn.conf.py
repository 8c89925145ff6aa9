"""gunicorn's settings for every application server: the Dockerfile, the compose file,
`make prod-check` (ops/stack.py) and systemd units all start
``gunicorn -c deploy/gunicorn.conf.py cms.wsgi:application``; the environment tunes it."""

import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A worker stuck longer than this is replaced; the proxy waits a little longer (65 s).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On SIGTERM (a deploy, a container stop): requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# The proxies whose X-Forwarded-* gunicorn believes; Django itself trusts them only with
# TRUSTED_PROXY_COUNT set (cms/settings/base.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Workers are replaced now and then, so a slow leak never grows unbounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# Heartbeat files in memory, not on a container's (possibly slow) disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
