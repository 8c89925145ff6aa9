"""The address of the client that sent a request, for the login lockout (django-axes, through
``AXES_CLIENT_IP_CALLABLE``) and for any rate limit: use ``client_ip(request)``, never
``REMOTE_ADDR`` or ``X-Forwarded-For`` directly.

``TRUSTED_PROXY_COUNT`` (environment, default 0) says how many load balancers or reverse
proxies stand in front of the application, each appending to ``X-Forwarded-For`` the address
it received the request from:

* 0: the client connects directly; its address is ``REMOTE_ADDR`` and ``X-Forwarded-For``,
  which anybody can send, is ignored.
* N: the client's address is the N-th entry from the right of ``X-Forwarded-For``, the one
  the outermost trusted proxy wrote. Whatever the client put further left is ignored. A
  header with fewer entries, or one that is not an address there, means the request did not
  come through the proxies: ``REMOTE_ADDR`` is used.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count < 1:
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count].strip()))
    except ValueError:
        return remote
