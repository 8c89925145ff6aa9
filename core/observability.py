"""A request id on every log line and in the 500 page; JSON-lines logging as an option.

``RequestIdMiddleware`` (first in MIDDLEWARE) gives each request an id: the proxy's
``X-Request-ID`` when a proxy is configured (``TRUSTED_PROXY_COUNT``) and the value looks like
one, else a new one; it is sent back as ``X-Request-ID``, kept as ``request.request_id`` and,
for the log, in a context variable that ``RequestIdFilter`` copies onto every record.
``JsonFormatter`` writes one JSON object per line (``LOG_FORMAT=json``).
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

current_request_id = contextvars.ContextVar("request_id", default="-")
VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0) > 0 and VALID_ID.match(given)
        request_id = given if trusted else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is finished (forget_request_id): Django logs an error or a
        # 404 after the middleware has returned.
        current_request_id.set(request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


def forget_request_id(**kwargs):
    """On request_finished (connected in core.apps): log lines between requests carry none."""
    current_request_id.set("-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", current_request_id.get()),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """The 500 page, with the request's id to quote when reporting the problem. Rendered
    without the request's context processors: it must not need the database."""
    request_id = getattr(request, "request_id", None) or current_request_id.get()
    html = loader.render_to_string(template_name, {"request_id": request_id})
    return HttpResponseServerError(html)
