"""The login lockout keys on the real client's address: with no trusted proxy, REMOTE_ADDR
(a client's own X-Forwarded-For neither frees it nor locks anybody else out); behind trusted
proxies, the address the outermost one saw, so clients sharing a load balancer are locked
separately."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

from core.client_ip import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "Mat-khau-dung-2024"
LIMIT = settings.AXES_FAILURE_LIMIT
X, Y = "198.51.100.7", "203.0.113.9"
LOAD_BALANCER = "10.0.0.2"


@pytest.fixture
def account(network):
    return get_user_model().objects.create_user("bientap", password=PASSWORD)


def login(client, password, **meta):
    client.cookies.clear()
    return client.post("/admin/login/", {"username": "bientap", "password": password}, **meta)


def is_locked(response):
    return response.status_code == 429 and "tạm bị khóa" in response.text


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_the_lockout_follows_remote_addr(client, account):
    assert LIMIT == 5
    # Client X fails five times, each time claiming another address.
    for attempt in range(LIMIT):
        login(client, "sai", REMOTE_ADDR=X, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")
    assert is_locked(login(client, PASSWORD, REMOTE_ADDR=X, HTTP_X_FORWARDED_FOR="192.0.2.99"))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {X}

    # Claiming to be Y locked nobody out at Y.
    for _ in range(LIMIT):
        login(client, "sai", REMOTE_ADDR=X, HTTP_X_FORWARDED_FOR=Y)
    response = login(client, PASSWORD, REMOTE_ADDR=Y)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_clients_are_locked_separately(client, account):
    # Both clients reach the application through the same load balancer, which appends the
    # address it saw to whatever X-Forwarded-For the client sent.
    for _ in range(LIMIT - 1):
        login(client, "sai", REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=X)
    # Prepending a made-up address does not give X a fresh start.
    login(client, "sai", REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {X}")
    assert is_locked(login(client, PASSWORD, REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=X))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {X}

    # Y, behind the same load balancer, still logs in.
    response = login(client, PASSWORD, REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=Y)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (0, None, "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "192.0.2.1, 198.51.100.7", "198.51.100.7"),
        (1, None, "10.0.0.2"),  # not through the proxy
        (1, "không phải địa chỉ", "10.0.0.2"),
        (1, "2001:DB8::1", "2001:db8::1"),
        (2, "192.0.2.1, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.2"),  # fewer entries than proxies
    ],
)
def test_client_ip(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    meta = {"REMOTE_ADDR": "10.0.0.2"}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **meta)) == expected
