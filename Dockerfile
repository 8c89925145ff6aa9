FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    GUNICORN_TIMEOUT=60 \
    GUNICORN_GRACEFUL_TIMEOUT=30 \
    FORWARDED_ALLOW_IPS=127.0.0.1

RUN useradd --create-home --uid 1000 app
WORKDIR /app

COPY requirements.txt .
RUN pip install --upgrade pip && pip install -r requirements.txt

COPY . .
# Static files are collected at build time (served by whitenoise, or by nginx from the
# compose file's shared volume). Media are never in the image: a volume or object storage.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        python manage.py collectstatic --noinput \
    && mkdir -p var/media \
    && chown -R app:app var

USER app
EXPOSE 8000
# Ready: database, migrations and storage answer (core/health.py); asked with the first of
# ALLOWED_HOSTS as the Host, which Django checks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 CMD \
    python -c "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); h = h if h not in ('', '*') else 'localhost'; r.urlopen(r.Request('http://127.0.0.1:%s/readyz' % os.environ.get('PORT', '8000'), headers={'Host': h}), timeout=4)"
# gunicorn's settings (timeouts, --forwarded-allow-ips, workers) are deploy/gunicorn.conf.py,
# shared with the compose file and `make prod-check`; the environment tunes them.
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "cms.wsgi:application"]
