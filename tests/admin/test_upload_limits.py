"""Bad uploads through the real admin URLs: truncated or corrupt images, decompression bombs,
non-images with an image's name, empty files, SVG, oversized or unlisted documents. Each gets
a clear Vietnamese form error (or, from the multiple uploader, success false with that error),
never a 500, and nothing is saved: no Image, Document or UploadedFile row, no file in
MEDIA_ROOT."""

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

pytestmark = pytest.mark.django_db


def png_bytes(width, height):
    """A real, valid, all-black greyscale PNG of any size, made row by row (a 20,000 × 20,000
    one takes a second and a few hundred KB, never the picture's memory)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = bytes(1 + width)  # filter byte, then one byte per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def noise(fmt, size=(300, 200)):
    image = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def truncated(data):
    return data[: len(data) // 2]


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

BAD_IMAGES = {
    "truncated-png": ("anh.png", truncated(noise("PNG")), "bị hỏng hay không trọn vẹn"),
    "truncated-jpeg": ("anh.jpg", truncated(noise("JPEG")), "bị hỏng hay không trọn vẹn"),
    "bomb-11300px": ("bom.png", png_bytes(11_300, 11_300), "11300 × 11300 điểm ảnh"),
    "bomb-over-pillow-limit": ("bom.png", png_bytes(20_000, 20_000), "hơn 40,0 megapixel"),
    "just-over-40-megapixels": ("lon.png", png_bytes(7_750, 5_170), "tối đa 40,0 megapixel"),
    "text-named-png": ("anh.png", "Không phải ảnh".encode(), "không phải là ảnh"),
    "pdf-named-jpg": ("anh.jpg", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "không phải là ảnh"),
    "png-named-jpg": ("anh.jpg", noise("PNG"), "nội dung là ảnh png"),
    "empty": ("anh.png", b"", "rỗng"),
    "svg": ("logo.svg", SVG, "Không nhận ảnh SVG"),
    "svg-named-png": ("logo.png", SVG, "Không nhận ảnh SVG"),
}


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def editor(client, network):
    user = get_user_model().objects.create_user("bt-upload", "bt-upload@example.vn", "x")
    user.groups.add(network.a.editors_group)
    client.force_login(user)
    return user


@pytest.fixture
def nothing_saved():
    """Asserts, after the test, that no image, document or upload row and no media file
    was added."""
    models = [get_image_model(), get_document_model(), UploadedFile]
    counts = [m.objects.count() for m in models]
    files = media_files()
    yield
    assert [m.objects.count() for m in models] == counts
    assert media_files() == files


@pytest.mark.parametrize("case", list(BAD_IMAGES))
def test_a_bad_image_gets_a_form_error_from_the_add_form(
    client, network, editor, nothing_saved, case
):
    name, data, message = BAD_IMAGES[case]
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh thử",
            "description": "Mô tả ảnh",
            "file": SimpleUploadedFile(name, data),
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(message in error for error in errors), errors
    assert message in response.text


@pytest.mark.parametrize("case", list(BAD_IMAGES))
def test_a_bad_image_is_refused_by_the_multiple_uploader(
    client, network, editor, nothing_saved, case
):
    name, data, message = BAD_IMAGES[case]
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data), "collection": network.a.collection.pk},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"]


def test_the_largest_accepted_image_is_saved(client, network, editor):
    """7,750 × 5,160 = 39.99 megapixels: under the limit, so uploaded and saved."""
    images = get_image_model().objects
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh lớn nhất",
            "description": "Ảnh đen",
            "file": SimpleUploadedFile("lon-nhat.png", png_bytes(7_750, 5_160)),
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 302
    image = images.get(title="Ảnh lớn nhất")
    assert (image.width, image.height) == (7_750, 5_160)

    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("anh.jpg", noise("JPEG")),
            "collection": network.a.collection.pk,
        },
    )
    assert response.json()["success"] is True  # waits for its description


BAD_DOCUMENTS = {
    "oversized": (
        "bao-cao.pdf",
        b"%PDF-1.4\n" + bytes(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
        "Tệp quá lớn",
    ),
    "unlisted-type": ("cai-dat.exe", b"MZ\x90\x00", "Không nhận tệp .exe"),
    "no-extension": ("bao-cao", b"%PDF-1.4\n", "Không nhận tệp không có đuôi"),
    "svg": ("logo.svg", SVG, "Không nhận tệp .svg"),
    "empty": ("trong.pdf", b"", "rỗng"),
}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_a_bad_document_gets_one_clear_error(client, network, editor, nothing_saved, case):
    name, data, message = BAD_DOCUMENTS[case]
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Tài liệu",
            "file": SimpleUploadedFile(name, data),
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and message in errors[0], errors
    assert "not allowed" not in response.text

    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data), "collection": network.a.collection.pk},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message in answer["error_message"] and "\n" not in answer["error_message"]


def test_a_listed_document_is_saved(client, network, editor):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Hướng dẫn",
            "file": SimpleUploadedFile("huong-dan.pdf", b"%PDF-1.4\n"),
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Hướng dẫn").exists()


def test_a_broken_logo_is_refused_when_a_union_is_added(client, network):
    from django.contrib.auth.models import Group

    from sites.models import Union
    from sites.permissions import NETWORK_ADMINS_GROUP
    from tests.admin.test_union_admin import form_data

    admin = get_user_model().objects.create_user("quantri-upload", password="x")
    admin.groups.add(Group.objects.get(name=NETWORK_ADMINS_GROUP))
    client.force_login(admin)
    unions = Union.objects.count()

    for name, data, message in [BAD_IMAGES["truncated-jpeg"], BAD_IMAGES["bomb-11300px"]]:
        response = client.post("/admin/unions/new/", form_data(logo=SimpleUploadedFile(name, data)))
        assert response.status_code == 200
        assert message in response.text
    assert Union.objects.count() == unions


def test_a_large_image_gets_every_listing_rendition_one_at_a_time(settings, monkeypatch):
    """Above core.renditions.ONE_AT_A_TIME_PIXELS the renditions made on save are not made
    in a batch (three decoded copies of the original at once) but one after another."""
    import wagtail_factories

    from core import renditions

    settings.LISTING_RENDITIONS_ON_SAVE = True
    model = get_image_model()
    batches = []
    batch = model.create_renditions

    def spy(self, *filters):
        batches.append(len(filters))
        return batch(self, *filters)

    monkeypatch.setattr(model, "create_renditions", spy)
    monkeypatch.setattr(renditions, "ONE_AT_A_TIME_PIXELS", 640 * 480 - 1)
    large = wagtail_factories.ImageFactory(file__width=640, file__height=480)
    assert set(large.renditions.values_list("filter_spec", flat=True)) == set(
        renditions.listing_rendition_specs()
    )
    assert batches == []

    small = wagtail_factories.ImageFactory(file__width=320, file__height=240)
    assert small.renditions.count() == len(renditions.listing_rendition_specs())
    assert batches == [len(renditions.listing_rendition_specs())]
