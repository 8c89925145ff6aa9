"""Uploaded files are served only to those who may see them (cms/media.py): documents only
through Wagtail's view with the collection's privacy, renditions within that privacy,
originals and unfinished uploads never to the public."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, UploadedFile
from wagtail_factories import ImageFactory

pytestmark = pytest.mark.django_db

SECRET = b"Bien ban hop noi bo - khong cong bo"
PUBLIC = b"Ke hoach to chuc Tet Sum vay"
PASSWORD = "matkhau-noi-vu"


def document(union, name, content):
    doc = get_document_model()(title=name, collection=union.collection)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def files(network):
    from types import SimpleNamespace

    restriction = CollectionViewRestriction.objects.create(
        collection=network.b.collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    private_image = ImageFactory(
        title="Ảnh nội bộ", description="Ảnh nội bộ", collection=network.b.collection
    )
    public_image = ImageFactory(
        title="Ảnh công khai", description="Ảnh công khai", collection=network.a.collection
    )
    return SimpleNamespace(
        n=network,
        restriction=restriction,
        private_doc=document(network.b, "bien-ban.txt", SECRET),
        public_doc=document(network.a, "ke-hoach.txt", PUBLIC),
        private_image=private_image,
        private_rendition=private_image.get_rendition("max-800x600"),
        public_image=public_image,
        public_rendition=public_image.get_rendition("max-800x600"),
    )


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "login" in response["Location"]
    )


def test_every_address_of_a_restricted_document_withholds_its_bytes(client, files):
    f = files
    doc = f.private_doc

    served = client.get(doc.url)  # /documents/<id>/<name>: Wagtail asks for the password
    assert served.status_code == 200
    assert SECRET not in body(served)
    assert "password" in served.templates[0].name

    for url in (doc.file.url, f"/media/documents/{doc.filename}", "/media/documents/"):
        response = client.get(url)
        assert refused(response), url
        assert SECRET not in body(response), url


def test_a_restricted_image_is_not_served_as_original_nor_rendition(client, files):
    f = files
    for url in (
        f.private_image.file.url,
        f.private_rendition.url,
        "/media/original_images/",
        "/media/images/",
        "/media/",
    ):
        response = client.get(url)
        assert refused(response), url
        assert response.get("Content-Type", "").split(";")[0] not in ("image/png", "image/jpeg")


def test_the_password_opens_the_collections_documents_and_pictures(client, files):
    f = files
    response = client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[f.restriction.pk]),
        {"password": PASSWORD, "return_url": f.private_doc.url},
    )
    assert response.status_code == 302

    assert body(client.get(f.private_doc.url)) == SECRET
    rendition = client.get(f.private_rendition.url)
    assert rendition.status_code == 200
    assert "private" in rendition["Cache-Control"]  # never kept by a shared cache
    # The original stays for the people who work with the collection's images.
    assert refused(client.get(f.private_image.file.url))


def test_public_documents_and_pictures_still_load(client, files):
    f = files
    document = client.get(f.public_doc.url)
    assert document.status_code == 200
    assert body(document) == PUBLIC

    rendition = client.get(f.public_rendition.url)
    assert rendition.status_code == 200
    with f.public_rendition.file.open("rb") as stored:
        assert body(rendition) == stored.read()

    # Never by the file's own address, restricted or not.
    assert refused(client.get(f.public_doc.file.url))
    assert refused(client.get(f.public_image.file.url))


def test_unfinished_uploads_and_odd_paths_are_never_served(client, files):
    upload = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
        file=ContentFile(b"GIF89a tam thoi", name="tam-thoi.gif"),
        uploaded_by_user=None,
    )
    assert upload.file.name.startswith("wagtail_uploads/")
    for url in (
        upload.file.url,
        "/media/wagtail_uploads/",
        f"/media/images/../{files.private_image.file.name}",
        f"/media/images/%2e%2e/{files.private_image.file.name}",
        "/media/images//" + files.public_rendition.file.name.split("/")[-1],
    ):
        response = client.get(url)
        assert refused(response), url


def test_originals_only_for_the_users_of_that_collection(client, files):
    f = files
    User = get_user_model()
    editor_b = User.objects.create_user("bientap-b", password="x")
    editor_b.groups.add(f.n.b.editors_group)
    editor_a = User.objects.create_user("bientap-a", password="x")
    editor_a.groups.add(f.n.a.editors_group)

    client.force_login(editor_b)
    own = client.get(f.private_image.file.url)
    assert own.status_code == 200
    with f.private_image.file.open("rb") as stored:
        assert body(own) == stored.read()
    assert client.get(f.private_rendition.url).status_code == 200  # the admin's thumbnails

    client.force_login(editor_a)
    assert refused(client.get(f.private_image.file.url))
    assert refused(client.get(f.private_rendition.url))
    assert client.get(f.public_image.file.url).status_code == 200
