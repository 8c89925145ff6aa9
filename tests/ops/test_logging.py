"""Every log line carries the request's id, also sent back as X-Request-ID; LOG_FORMAT=json
writes one JSON object per line; a proxy's id is kept only behind a configured proxy."""

import json
import logging

import pytest

from core.observability import JsonFormatter, RequestIdFilter, current_request_id
from tests.conftest import host

pytestmark = pytest.mark.django_db


def test_each_request_has_an_id_in_its_answer(client, network):
    first = client.get("/", HTTP_HOST=host(network.a))
    second = client.get("/", HTTP_HOST=host(network.a))
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_proxys_request_id_is_kept_only_behind_a_configured_proxy(client, network, settings):
    given = "abc123-from-nginx"
    settings.TRUSTED_PROXY_COUNT = 0
    answer = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    assert answer["X-Request-ID"] != given
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get("/healthz", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    # Anything that is not an id is replaced.
    odd = client.get("/healthz", HTTP_X_REQUEST_ID="x\\nInjected: yes")
    assert odd["X-Request-ID"] != "x\\nInjected: yes" and len(odd["X-Request-ID"]) == 32


def test_log_lines_carry_the_request_id_as_json(client, network, caplog):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/khong-co-trang-nay/", HTTP_HOST=host(network.a))  # a 404 warning
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    assert records, "Django logs the 404"
    assert records[-1].request_id == response["X-Request-ID"]
    line = json.loads(JsonFormatter().format(records[-1]))
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "WARNING" and "khong-co-trang-nay" in line["message"]
    assert current_request_id.get() == "-"  # nothing left over after the request
