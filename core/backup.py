"""Backups: the database and every uploaded file in one timestamped archive, and back.

An archive (``cms-backup-YYYYmmdd-HHMMSS.tar``) holds:

- ``manifest.json``: when, from which database engine, the row count of every table and the
  list of media files with their sizes and SHA-256, which the restore checks against;
- ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom``) or ``database.sqlite3``
  (SQLite's online backup);
- ``media/…``: every file of the default storage, whether on disk or in a bucket.

A restore goes into an empty database and an empty storage (``replace`` lets it overwrite
what is there), then checks the row counts and the files' hashes against the manifest.
The management commands ``backup`` and ``restore`` call these two functions.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


@dataclass
class Restored:
    tables: int = 0
    rows: int = 0
    files: int = 0
    mismatches: list = field(default_factory=list)


# ---- databases ------------------------------------------------------------------------------


def _vendor(db):
    return "postgresql" if "postgresql" in db["ENGINE"] else "sqlite"


def _pg_env(db):
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db):
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return [*args, "--dbname", str(db["NAME"])]


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} lỗi: {result.stderr.strip()[-2000:]}")


def _table_counts(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # names from the introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def _source_counts(alias):
    connection = connections[alias]
    tables = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    tables &= set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        return _table_counts(cursor, tables)


def _dump_database(alias, target):
    connection = connections[alias]
    db = connection.settings_dict
    if _vendor(db) == "postgresql":
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        _run([*command, "--file", str(target), *_pg_args(db)], _pg_env(db))
    else:
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()


def _open_target(db):
    """A DB-API connection to the restore's target database."""
    if _vendor(db) == "postgresql":
        import psycopg2

        return psycopg2.connect(
            dbname=db["NAME"],
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
        )
    return sqlite3.connect(db["NAME"])


def _target_tables(db):
    handle = _open_target(db)
    try:
        cursor = handle.cursor()
        if _vendor(db) == "postgresql":
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in cursor.fetchall() if not row[0].startswith("sqlite_")}
    finally:
        handle.close()


def _target_counts(db, tables):
    handle = _open_target(db)
    try:
        return _table_counts(handle.cursor(), tables)
    finally:
        handle.close()


def _restore_database(db, dump, vendor, replace):
    if vendor != _vendor(db):
        raise BackupError(
            f"Bản sao lưu của cơ sở dữ liệu {vendor}, nơi khôi phục là {_vendor(db)}."
        )
    if _target_tables(db) and not replace:
        raise BackupError(
            f"Cơ sở dữ liệu {db['NAME']} không trống: hãy khôi phục vào một cơ sở dữ liệu trống "
            "(hoặc dùng --replace để ghi đè)."
        )
    if vendor == "postgresql":
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        if replace:
            command += ["--clean", "--if-exists"]
        _run([*command, *_pg_args(db), str(dump)], _pg_env(db))
    else:
        source, destination = sqlite3.connect(dump), sqlite3.connect(db["NAME"])
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()


# ---- media ----------------------------------------------------------------------------------


def _walk(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no upload yet on a new disk
        return
    for name in sorted(files):
        yield f"{folder}{name}"
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}{sub}/")


def _copy(source, destination):
    digest = hashlib.sha256()
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        if destination is not None:
            destination.write(chunk)
    return digest.hexdigest()


# ---- the two actions ------------------------------------------------------------------------


def create_backup(directory, *, alias=DEFAULT_DB_ALIAS, storage=None):
    """Writes ``cms-backup-<timestamp>.tar`` into ``directory`` and returns its path."""
    storage = storage or default_storage
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    archive = directory / f"cms-backup-{now:%Y%m%d-%H%M%S}.tar"
    partial = archive.with_suffix(".tar.partial")
    db = connections[alias].settings_dict
    vendor = _vendor(db)
    dump_name = "database.pgdump" if vendor == "postgresql" else "database.sqlite3"

    with tempfile.TemporaryDirectory(prefix="cms-backup-") as work:
        dump = Path(work) / dump_name
        counts = _source_counts(alias)
        _dump_database(alias, dump)
        files = {}
        with tarfile.open(partial, "w") as tar:
            tar.add(dump, arcname=dump_name)
            for name in _walk(storage):
                info = tarfile.TarInfo(f"media/{name}")
                info.size = storage.size(name)
                info.mtime = int(now.timestamp())
                with tempfile.TemporaryFile(dir=work) as spool:
                    with storage.open(name, "rb") as handle:
                        files[name] = {"size": info.size, "sha256": _copy(handle, spool)}
                    spool.seek(0)
                    tar.addfile(info, spool)
            manifest = {
                "format": FORMAT,
                "created": now.isoformat(),
                "database": vendor,
                "dump": dump_name,
                "tables": counts,
                "media": files,
            }
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(data), int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
    partial.rename(archive)  # a half-written archive never carries the final name
    return archive


def read_manifest(archive):
    try:
        with tarfile.open(archive, "r") as tar:
            return json.load(tar.extractfile("manifest.json"))
    except FileNotFoundError as error:
        raise BackupError(f"Không có tệp {archive}.") from error
    except (KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{archive} không phải bản sao lưu của hệ thống này.") from error


def restore_backup(archive, *, database_url=None, alias=DEFAULT_DB_ALIAS, storage=None,
                   replace=False):  # fmt: skip
    """Restores ``archive`` into the database (``database_url``, else the configured one) and
    the storage (else the default one); returns what was restored and any mismatch with the
    manifest."""
    storage = storage or default_storage
    manifest = read_manifest(archive)
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu do một phiên bản không tương thích tạo ra.")
    if database_url:
        db = {k.upper(): v for k, v in dj_database_url.parse(database_url).items()}
    else:
        db = connections[alias].settings_dict
        connections[alias].close()
    if not replace and any(True for _ in _walk(storage)):
        raise BackupError(
            "Kho tệp không trống: hãy khôi phục vào kho trống (hoặc dùng --replace để ghi đè)."
        )

    result = Restored()
    with tempfile.TemporaryDirectory(prefix="cms-restore-") as work, tarfile.open(archive) as tar:
        dump = Path(work) / manifest["dump"]
        with tar.extractfile(manifest["dump"]) as source, open(dump, "wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        _restore_database(db, dump, manifest["database"], replace)

        for member in tar:
            if not member.isfile() or not member.name.startswith("media/"):
                continue
            name = member.name.removeprefix("media/")
            expected = manifest["media"].get(name)
            if expected is None or ".." in name.split("/"):
                result.mismatches.append(f"tệp lạ {member.name}")
                continue
            if replace and storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(tar.extractfile(member), name=name))
            if saved != name:
                result.mismatches.append(f"{name} được lưu thành {saved}")
            result.files += 1

    for name, expected in manifest["media"].items():
        if not storage.exists(name):
            result.mismatches.append(f"thiếu tệp {name}")
            continue
        with storage.open(name, "rb") as handle:
            if _copy(handle, None) != expected["sha256"]:
                result.mismatches.append(f"tệp {name} khác bản sao lưu")
    counts = _target_counts(db, manifest["tables"])
    for table, expected in manifest["tables"].items():
        if counts[table] != expected:
            result.mismatches.append(f"bảng {table}: {counts[table]} dòng, sao lưu {expected}")
    result.tables, result.rows = len(counts), sum(counts.values())
    return result
