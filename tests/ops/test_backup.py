"""The restore drill: build the demo network, back it up (`manage.py backup`), restore it into
an empty database and an empty bucket (`manage.py restore`), and find the same pages,
revisions, images, documents and reports there, every file byte for byte. A restore never
lands on a database or storage that holds something, and a file that is not a backup is
refused with a message, not a traceback."""

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import tarfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from core.backup import read_manifest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("empty_db")]

# table -> the columns compared row by row (ordered by id)
COMPARED = {
    "wagtailcore_page": "id, path, title, slug, url_path, live, locale_id",
    "wagtailcore_revision": "id, object_id, created_at, content",
    "images_customimage": "id, title, file, collection_id, file_hash",
    "images_rendition": "id, image_id, filter_spec, file",
    "wagtaildocs_document": "id, title, file, collection_id",
    "reports_campaignreport": "id, campaign_id, union_id, status",
    "reports_reportevent": "id, report_id, action, timestamp",
    "sites_union": "id, name, slug, site_id",
    "auth_user": "id, username, password",
}


def rows(cursor, table):
    cursor.execute(f"SELECT {COMPARED[table]} FROM {table} ORDER BY id")
    return [tuple(plain(v) for v in row) for row in cursor]


def plain(value):
    """One spelling per value, whichever connection read it (Django's turns SQLite's 1/0 into
    booleans and its text into datetimes; psycopg2's own turns JSON into dicts)."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(" ")
    if isinstance(value, str) and value[:1] in "{[":
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return str(value)


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the engine under test: (its URL, a DB-API connection maker)."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        import psycopg2

        name = f"{db['NAME']}_restore"
        params = {
            "host": db["HOST"] or None,
            "port": db["PORT"] or None,
            "user": db["USER"] or None,
            "password": db["PASSWORD"] or None,
        }
        admin = psycopg2.connect(dbname="postgres", **params)
        admin.autocommit = True
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.cursor().execute(f'CREATE DATABASE "{name}"')
        auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
        url = f"postgres://{auth}{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"
        opened = []

        def open_connection():
            opened.append(psycopg2.connect(dbname=name, **params))
            return opened[-1]

        yield url, open_connection
        for handle in opened:
            handle.close()
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    else:
        path = tmp_path / "restored.sqlite3"
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path)


def digest(storage, name):
    with storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def test_the_demo_comes_back_whole_from_a_backup(
    settings, tmp_path, empty_database, s3_server, capsys
):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", "--port", "8000")
    with connection.cursor() as cursor:
        before = {table: rows(cursor, table) for table in COMPARED}
    assert len(before["wagtailcore_page"]) > 80
    assert len(before["wagtailcore_revision"]) > 80
    assert len(before["images_customimage"]) > 20 and before["wagtaildocs_document"]
    assert before["reports_campaignreport"] and before["reports_reportevent"]
    files = {name: digest(default_storage, name) for name in _all_files(default_storage)}
    assert any(name.startswith("original_images/") for name in files)
    assert any(name.startswith("documents/") for name in files)

    call_command("backup", "--to", str(tmp_path / "backups"))
    archive = next((tmp_path / "backups").glob("cms-backup-*.tar"))
    assert str(archive) in capsys.readouterr().out
    manifest = read_manifest(archive)
    assert manifest["tables"]["wagtailcore_page"] == len(before["wagtailcore_page"])
    assert set(manifest["media"]) == set(files)

    # Into an empty database and an empty bucket: the media move from disk to object storage.
    url, open_connection = empty_database
    bucket = s3_server.create_bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.storage.MediaStorage",
            "OPTIONS": s3_server.storage_options(bucket),
        },
    }
    call_command("restore", str(archive), "--database-url", url)
    assert "Khớp hoàn toàn" in capsys.readouterr().out

    handle = open_connection()
    cursor = handle.cursor()
    for table, expected in before.items():
        assert rows(cursor, table) == expected, table
    assert sorted(s3_server.keys(bucket)) == sorted(files)
    for name, sha in files.items():
        assert hashlib.sha256(s3_server.read(bucket, name)).hexdigest() == sha, name
    handle.close()

    # A second restore finds them full and changes nothing.
    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(archive), "--database-url", url)
    handle = open_connection()
    assert rows(handle.cursor(), "wagtailcore_page") == before["wagtailcore_page"]
    handle.close()


def _all_files(storage, folder=""):
    folders, names = storage.listdir(folder)
    yield from (f"{folder}{name}" for name in names)
    for sub in folders:
        yield from _all_files(storage, f"{folder}{sub}/")


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, empty_database):
    url, _ = empty_database
    not_a_backup = tmp_path / "anh.tar"
    with tarfile.open(not_a_backup, "w") as tar:
        tar.add(__file__, arcname="anh.py")
    garbage = tmp_path / "rac.tar"
    garbage.write_bytes(b"khong phai tep luu tru")
    for path in (not_a_backup, garbage, tmp_path / "khong-co.tar"):
        with pytest.raises(CommandError):
            call_command("restore", str(path), "--database-url", url)
