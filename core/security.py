"""The Content-Security-Policy of every answer (django-csp), in two policies:

* public pages: everything from the site itself; no inline script at all; the one inline
  style a page has (its site's brand colour) allowed by its hash, which the page registers
  while it renders ({% csp_style %}, core/templatetags/security_tags.py), so a cached page
  carries its own hash; video embeds from the providers the editors may use;
* the admin (Wagtail's screens use inline scripts and styles): its own, looser policy,
  ``ADMIN_CONTENT_SECURITY_POLICY``.

Server errors (5xx) go out without a policy: the 500 page is a static template with its own
inline style and no script. So do answers that are not HTML (documents, feeds, images).
"""

import base64
import hashlib

from csp.middleware import CSPMiddleware
from django.conf import settings


def style_hash(css):
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def allow_inline_style(request, css):
    """Let `css`, an inline <style> of this page, through the page's policy."""
    if request is not None:
        hashes = request.__dict__.setdefault("csp_style_hashes", [])
        value = style_hash(css)
        if value not in hashes:
            hashes.append(value)


class SitePolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # A policy governs documents that run in the browser: HTML pages. Files (PDFs opened
        # in the browser's viewer, images, feeds) go without one.
        html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code >= 500 or not html:
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            return parts
        hashes = getattr(request, "csp_style_hashes", None)
        if hashes:
            parts.update = {**(parts.update or {}), "style-src": list(hashes)}
        return parts
