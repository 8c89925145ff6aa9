"""Visual materials on the hub: download links, the poster print view and its QR code."""

import pytest
import segno
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from campaigns.models import CampaignMaterial
from campaigns.qr import QR_OPTIONS
from tests.campaigns.conftest import central_image
from tests.conftest import host

pytestmark = pytest.mark.django_db


def get(client, network, path=""):
    return client.get(network.hub_page.get_url_parts()[2] + path, HTTP_HOST=host(network.central))


def central_document(union, title="Phụ lục tài liệu tuyên truyền"):
    document = get_document_model()(title=title, collection=union.collection)
    document.file.save("phu-luc.txt", ContentFile(b"Phu luc"), save=False)
    document.save()
    return document


def test_hub_lists_materials_with_download_and_print_links(client, hub_network):
    n = hub_network
    appendix = central_document(n.central)
    CampaignMaterial.objects.create(
        page=n.hub_page, kind="appendix", title="Phụ lục", document=appendix
    )
    response = get(client, n)
    items = response.context["materials"]
    assert [i.material.title for i in items] == ["Áp phích", "Phụ lục"]
    poster, document = items
    assert poster.download_url.endswith(f"/tai-ve/{n.poster.pk}/")  # never /media/original_images/
    assert poster.print_url.endswith(f"/in-poster/{n.poster.pk}/")
    assert document.download_url == appendix.url
    assert document.print_url is None
    html = response.content.decode()
    assert poster.print_url in html
    assert f'href="{appendix.url}"' in html


def test_a_poster_downloads_as_its_original_file_through_the_hub(client, hub_network):
    n = hub_network
    response = get(client, n, f"tai-ve/{n.poster.pk}/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    with n.poster.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()
    # Only the hub's own materials: not another image of the central collection.
    stranger = central_image(n.central, title="Ảnh khác")
    assert get(client, n, f"tai-ve/{stranger.pk}/").status_code == 404
    assert client.get(n.poster.file.url).status_code == 404


def test_print_view_shows_the_poster_with_a_qr_code_to_the_hub(client, hub_network):
    n = hub_network
    response = get(client, n, f"in-poster/{n.poster.pk}/")
    assert response.status_code == 200
    hub_url = n.hub_page.get_full_url()
    assert response.context["hub_url"] == hub_url == f"http://{host(n.central)}/{n.hub_page.slug}/"
    expected = segno.make(hub_url, error="m", micro=False).svg_inline(**QR_OPTIONS)
    html = response.content.decode()
    assert expected in html
    assert "<svg" in html
    assert "poster.max-1600x1600" in html or "max-1600x1600" in html
    assert "http" not in expected  # drawn locally: the SVG refers to nothing outside


def test_print_view_404s_for_an_image_not_in_the_materials(client, hub_network):
    n = hub_network
    stranger = central_image(n.central, title="Ảnh khác")
    assert get(client, n, f"in-poster/{stranger.pk}/").status_code == 404
    assert get(client, n, "in-poster/999999/").status_code == 404
    assert get(client, n, "in-poster/abc/").status_code == 404


def test_materials_come_from_the_central_collection_only(hub_network):
    n = hub_network
    union_image = central_image(n.a, title="Ảnh của công đoàn")
    material = CampaignMaterial(page=n.hub_page, title="Áp phích riêng", image=union_image)
    with pytest.raises(ValidationError) as error:
        material.full_clean()
    assert "image" in error.value.message_dict
    both = CampaignMaterial(
        page=n.hub_page, title="Cả hai", image=n.poster, document=central_document(n.central)
    )
    with pytest.raises(ValidationError):
        both.full_clean()
    with pytest.raises(ValidationError):
        CampaignMaterial(page=n.hub_page, title="Trống").full_clean()
    CampaignMaterial(page=n.hub_page, title="Đúng", image=n.poster).full_clean()
