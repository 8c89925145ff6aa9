"""The restore drill, as an operator runs it: `manage.py migrate` and `load_demo` build the demo
network in a database of its own, `manage.py backup` writes the archive, `manage.py restore`
puts it into an empty database and an empty bucket (the media move from disk to object
storage), and the same pages, revisions, images, renditions, documents, reports and users
are found there, every file byte for byte. A restore never lands on a database that holds
something, and a file that is not a backup is refused with a message, not a traceback.

The commands run in their own processes with the engine under test (PostgreSQL when
DATABASE_URL says so, else SQLite files), away from the test database."""

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection

from core.backup import read_manifest
from tests.s3_server import KEY, REGION, SECRET

ROOT = Path(__file__).resolve().parents[2]

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


def plain(value):
    """One spelling per value (psycopg2 reads JSON as dicts and timestamps as datetimes)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(" ")
    if isinstance(value, str) and value[:1] in "{[":
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return str(int(value) if isinstance(value, bool) else value)


class Databases:
    """Empty databases of the engine under test, made and dropped by the test."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.made = []
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            import psycopg2

            db = connection.settings_dict
            self.params = {
                "host": db["HOST"] or None,
                "port": db["PORT"] or None,
                "user": db["USER"] or None,
                "password": db["PASSWORD"] or None,
            }
            self.admin = psycopg2.connect(dbname="postgres", **self.params)
            self.admin.autocommit = True
            self.prefix = db["NAME"]

    def new(self, name):
        if not self.postgres:
            return f"sqlite:///{self.tmp_path / f'{name}.sqlite3'}"
        full = f"{self.prefix}_{name}"
        self.admin.cursor().execute(f'DROP DATABASE IF EXISTS "{full}" WITH (FORCE)')
        self.admin.cursor().execute(f'CREATE DATABASE "{full}"')
        self.made.append(full)
        p = self.params
        auth = f"{p['user']}:{p['password']}@" if p["password"] else f"{p['user']}@"
        return f"postgres://{auth}{p['host'] or 'localhost'}:{p['port'] or 5432}/{full}"

    def open(self, url):
        if not self.postgres:
            return sqlite3.connect(urlsplit(url).path)
        import psycopg2

        return psycopg2.connect(dbname=urlsplit(url).path.lstrip("/"), **self.params)

    def rows(self, url, table):
        handle = self.open(url)
        try:
            cursor = handle.cursor()
            cursor.execute(f"SELECT {COMPARED[table]} FROM {table} ORDER BY id")
            return [tuple(plain(v) for v in row) for row in cursor.fetchall()]
        finally:
            handle.close()

    def drop(self):
        if self.postgres:
            for name in self.made:
                self.admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self.admin.close()


@pytest.fixture
def databases(tmp_path):
    made = Databases(tmp_path)
    yield made
    made.drop()


def manage(*args, env, check=True):
    """`manage.py` in a clean environment, as on a server."""
    kept = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    environment = {name: os.environ[name] for name in kept if name in os.environ}
    environment.update({"DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env})
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True,
    )  # fmt: skip
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_demo_comes_back_whole_from_a_backup(tmp_path, databases, s3_server):
    source = databases.new("backup_source")
    on_disk = {"DATABASE_URL": source, "MEDIA_ROOT": str(tmp_path / "media")}
    manage("migrate", "--noinput", env=on_disk)
    manage("load_demo", "--port", "8000", env=on_disk)
    before = {table: databases.rows(source, table) for table in COMPARED}
    assert len(before["wagtailcore_page"]) > 80
    assert len(before["wagtailcore_revision"]) > 80
    assert len(before["images_customimage"]) > 20 and before["wagtaildocs_document"]
    assert before["reports_campaignreport"] and before["reports_reportevent"]
    media = tmp_path / "media"
    files = {str(p.relative_to(media)): digest(p) for p in media.rglob("*") if p.is_file()}
    assert any(name.startswith("original_images/") for name in files)
    assert any(name.startswith("documents/") for name in files)

    result = manage("backup", "--to", str(tmp_path / "backups"), env=on_disk)
    archive = next((tmp_path / "backups").glob("cms-backup-*.tar"))
    assert str(archive) in result.stdout
    manifest = read_manifest(archive)
    assert manifest["tables"]["wagtailcore_page"] == len(before["wagtailcore_page"])
    assert manifest["media"].keys() == files.keys()

    # Into an empty database and an empty bucket.
    target = databases.new("backup_target")
    bucket = s3_server.create_bucket()
    in_bucket = {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": s3_server.endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET,
    }
    result = manage("restore", str(archive), "--database-url", target, env=in_bucket)
    assert "Khớp hoàn toàn" in result.stdout

    for table, expected in before.items():
        assert databases.rows(target, table) == expected, table
    assert sorted(s3_server.keys(bucket)) == sorted(files)
    for name, sha in files.items():
        assert hashlib.sha256(s3_server.read(bucket, name)).hexdigest() == sha, name

    # A second restore finds the database full, says so and changes nothing.
    result = manage("restore", str(archive), "--database-url", target, env=in_bucket, check=False)
    assert result.returncode != 0
    assert "không trống" in result.stderr
    assert "Traceback" not in result.stderr
    assert databases.rows(target, "wagtailcore_page") == before["wagtailcore_page"]


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, databases):
    target = databases.new("backup_refused")
    not_a_backup = tmp_path / "anh.tar"
    with tarfile.open(not_a_backup, "w") as tar:
        tar.add(__file__, arcname="anh.py")
    garbage = tmp_path / "rac.tar"
    garbage.write_bytes(b"khong phai tep luu tru")
    env = {"MEDIA_ROOT": str(tmp_path / "media")}
    for path in (not_a_backup, garbage, tmp_path / "khong-co.tar"):
        result = manage("restore", str(path), "--database-url", target, env=env, check=False)
        assert result.returncode != 0, path
        assert "Traceback" not in result.stderr
        assert "CommandError" in result.stderr or "không" in result.stderr.lower(), result.stderr
