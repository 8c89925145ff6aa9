"""Media in S3-compatible object storage (core/storage.py), against a real S3 API: moto's
server in its own process (tests/s3_server.py). Uploads through the admin land in the bucket
and nowhere on disk; pages show renditions from our own hosts, never the bucket's address;
restricted renditions, originals and documents keep their privacy; deleting an image or a
document removes its objects; /readyz notices a bucket it cannot reach."""

import io
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from blog.factories import ArticlePageFactory
from core.storage import MediaStorage
from tests.users import member

pytestmark = pytest.mark.django_db

SECRET = b"Bien ban hop noi bo - khong cong bo"


def jpeg(colour=(200, 30, 30), size=(640, 400)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def disk_files():
    return {p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()}


@pytest.fixture
def editor(client, network):
    user = member(network.a.editors_group, "bt-s3")
    client.force_login(user)
    return user


def upload_image(client, network, title="Ảnh hội nghị"):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "description": "Toàn cảnh hội nghị",
            "file": SimpleUploadedFile("hoi-nghi.jpg", jpeg()),
            "collection": network.a.collection.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_image_model().objects.get(title=title)


def test_an_upload_lands_in_the_bucket_and_pages_show_it_from_our_own_host(
    client, network, editor, object_storage
):
    before = disk_files()
    image = upload_image(client, network)

    assert isinstance(default_storage._wrapped, MediaStorage)
    assert object_storage.objects() == [image.file.name]
    assert image.file.name.startswith("original_images/")
    assert object_storage.read(image.file.name) == image.file.open("rb").read()

    article = ArticlePageFactory(
        parent=network.columns["tu-phap"], title="Hội nghị trong bucket", lead_image=image
    )
    client.logout()
    page = client.get(article.url, HTTP_HOST=network.a.site.hostname)
    assert page.status_code == 200
    sources = re.findall(r'src="([^"]+/images/[^"]+)"', page.text)
    assert sources, "the article shows its lead image"
    assert object_storage.server.endpoint not in page.text
    assert "X-Amz" not in page.text  # no signed address either

    for source in sources:
        assert source.startswith(settings.MEDIA_URL)
        response = client.get(source, HTTP_HOST=network.a.site.hostname)
        assert response.status_code == 200
        key = source.removeprefix(settings.MEDIA_URL)
        assert body(response) == object_storage.read(key)
        assert response["Content-Type"] == "image/jpeg"
        assert "public" in response["Cache-Control"]
    missing = client.get(f"{settings.MEDIA_URL}images/khong-co.jpg")
    assert missing.status_code == 404
    # The renditions were made from the bucket's original and stored back there.
    assert any(key.startswith("images/") for key in object_storage.objects())
    assert disk_files() == before


def test_privacy_holds_for_renditions_originals_and_documents(client, network, object_storage):
    CollectionViewRestriction.objects.create(
        collection=network.b.collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="matkhau-noi-vu",
    )
    image = get_image_model().objects.create(
        title="Ảnh nội bộ",
        description="Ảnh nội bộ",
        collection=network.b.collection,
        file=ContentFile(jpeg((10, 10, 10)), name="noi-bo.jpg"),
    )
    rendition = image.get_rendition("max-320x200")
    doc = get_document_model()(title="Biên bản", collection=network.b.collection)
    doc.file.save("bien-ban.txt", ContentFile(SECRET), save=False)
    doc.save()
    assert set(object_storage.objects()) == {image.file.name, rendition.file.name, doc.file.name}

    # The public: no rendition, no original, no document bytes, at any address.
    assert client.get(rendition.url).status_code == 404
    assert client.get(image.file.url).status_code == 404
    assert client.get(doc.file.url).status_code == 404
    served = client.get(doc.url)
    assert SECRET not in body(served)

    # Union B's editor works with them: the rendition and original, never cached publicly.
    client.force_login(member(network.b.editors_group, "bt-b-s3"))
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert body(response) == object_storage.read(rendition.file.name)
    assert "private" in response["Cache-Control"]
    assert body(client.get(image.file.url)) == object_storage.read(image.file.name)
    # Documents: only through Wagtail's view, streamed from the bucket.
    assert client.get(doc.file.url).status_code == 404
    # Union A's editor: nothing of B's.
    client.force_login(member(network.a.editors_group, "bt-a-s3"))
    assert client.get(rendition.url).status_code == 404
    assert client.get(image.file.url).status_code == 404


def test_a_public_document_streams_from_the_bucket(client, network, object_storage):
    doc = get_document_model()(title="Kế hoạch", collection=network.a.collection)
    doc.file.save("ke-hoach.txt", ContentFile(b"Ke hoach Tet Sum vay"), save=False)
    doc.save()
    response = client.get(doc.url)
    assert response.status_code == 200
    assert body(response) == b"Ke hoach Tet Sum vay"
    assert response["Content-Length"] == str(len(b"Ke hoach Tet Sum vay"))


def test_two_uploads_with_one_name_keep_two_objects(client, network, editor, object_storage):
    first = upload_image(client, network, "Ảnh một")
    second = upload_image(client, network, "Ảnh hai")
    assert first.file.name != second.file.name
    assert object_storage.read(first.file.name) and object_storage.read(second.file.name)
    assert len(object_storage.objects()) == 2


def test_deleting_an_image_or_a_document_removes_its_objects(
    client, network, editor, object_storage, django_capture_on_commit_callbacks
):
    image = upload_image(client, network)
    image.get_rendition("fill-200x200")
    doc = get_document_model()(title="Tài liệu", collection=network.a.collection)
    doc.file.save("tai-lieu.txt", ContentFile(b"noi dung"), save=False)
    doc.save()
    approver = get_user_model().objects.create_superuser("s3-admin", "s3@example.vn", "x")
    client.force_login(approver)
    assert len(object_storage.objects()) == 3

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailimages:delete", args=[image.pk]))
        assert response.status_code == 302
        response = client.post(reverse("wagtaildocs:delete", args=[doc.pk]))
        assert response.status_code == 302
    assert object_storage.objects() == []


def test_readyz_reports_an_unreachable_bucket(client, settings, object_storage):
    assert client.get("/readyz").json()["checks"]["storage"] == "ok"
    object_storage.server.client().delete_bucket(Bucket=object_storage.bucket)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] != "ok"
    assert object_storage.server.endpoint not in response.text
