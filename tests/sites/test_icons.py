"""Every site has its own icon (its logo, else the network's emblem), a home-screen icon and a
web app manifest; no page sends the browser to a missing favicon.ico. Under `make run` (the
development settings) a reader's 404 is the branded page unless DEBUG is asked for."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from sites.models import SiteBranding
from tests.conftest import host

pytestmark = pytest.mark.django_db


def with_logo(union, colour):
    logo = get_image_model().objects.create(
        title=f"Logo {union.short_name}",
        collection=union.collection,
        file=get_test_image_file(colour=colour, size=(300, 300)),
    )
    branding = SiteBranding.for_site(union.site)
    branding.logo = logo
    branding.save()
    return logo


def test_every_page_links_the_sites_icons_and_manifest(client, network):
    html = client.get("/", HTTP_HOST=host(network.a)).text
    assert '<link rel="icon" href="/icons/32.png" sizes="32x32" type="image/png">' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/site.webmanifest">' in html


def test_each_site_has_its_own_icon_from_its_logo(client, network):
    with_logo(network.a, "red")
    with_logo(network.b, "blue")
    icons = {}
    for union in (network.a, network.b):
        for path in ("/favicon.ico", "/icons/32.png", "/apple-touch-icon.png"):
            response = client.get(path, HTTP_HOST=host(union))
            assert response.status_code == 302
            assert "max-age=86400" in response["Cache-Control"]
            icons[union.slug, path] = response["Location"]
        image = client.get(icons[union.slug, "/apple-touch-icon.png"], HTTP_HOST=host(union))
        assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert icons["tu-phap", "/favicon.ico"] != icons["noi-vu", "/favicon.ico"]
    assert "fill-180x180" in icons["tu-phap", "/apple-touch-icon.png"]


def test_a_site_without_a_logo_gets_the_network_emblem(client, network):
    response = client.get("/favicon.ico", HTTP_HOST=host(network.b))
    assert response.status_code == 302
    assert response["Location"].endswith("img/icon-32.png")
    assert (settings.BASE_DIR / "static" / "img" / "icon-32.png").exists()


def test_the_manifest_names_the_site(client, network):
    branding = SiteBranding.for_site(network.a.site)
    branding.primary_colour = "#123456"
    branding.save()
    response = client.get("/site.webmanifest", HTTP_HOST=host(network.a))
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == network.a.name
    assert manifest["short_name"] == network.a.short_name
    assert manifest["theme_color"] == "#123456"
    assert [icon["src"] for icon in manifest["icons"]] == ["/icons/192.png", "/icons/512.png"]


@pytest.mark.parametrize("path", ["/icons/99.png", "/icons/0.png", "/icons/99999999999.png"])
def test_unknown_icon_sizes_are_404(client, network, path):
    assert client.get(path, HTTP_HOST=host(network.a)).status_code == 404


def test_icons_refuse_posts(client, network):
    assert client.post("/favicon.ico", HTTP_HOST=host(network.a)).status_code == 405


@pytest.mark.parametrize(("asked", "debug"), [(None, "False"), ("1", "True")])
def test_make_run_shows_debug_pages_only_when_asked(asked, debug):
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    if asked:
        env["DEBUG"] = asked
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == debug
