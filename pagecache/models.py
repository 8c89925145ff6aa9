"""The versions the caches are checked against, kept in the database.

Every rendered request reads them once (one query; a page cache hit reads none), and every
change listed in core.changes bumps them, so what a process keeps in memory under a version
(the network snapshot, privacy checks included; rendered fragments) is valid in every process
whatever the shared cache does: Redis down, restarted, or having missed writes.

- ``snapshot``: changes with everything listed in core.changes but report reviews;
- ``structure``: changes only with the network itself (unions, sites, campaigns, columns,
  locales, edited images and documents);
- ``epoch``: changes when an invalidation could not reach the shared cache: the page cache
  then treats what the cache still holds as stale (pagecache.cache).

On PostgreSQL each is a sequence: ``nextval`` is seen at once by every session, never goes back
(not even when the transaction that took it rolls back) and takes no lock, so concurrent
publishing is not serialised on one row. Elsewhere (SQLite: one writer at a time) they are one
row, set to fresh random values (a rolled-back value is never reused).
"""

import secrets

from django.db import IntegrityError, connection, models, transaction

FIELDS = ("snapshot", "structure", "epoch")
SEQUENCES = {name: f"pagecache_{name}_version" for name in FIELDS}


def fresh():
    return secrets.randbits(62)


class CacheVersion(models.Model):
    """The versions as one row (databases other than PostgreSQL)."""

    snapshot = models.BigIntegerField(default=fresh)
    structure = models.BigIntegerField(default=fresh)
    epoch = models.BigIntegerField(default=fresh)

    class Meta:
        verbose_name = "cache version"

    def __str__(self):
        return f"snapshot {self.snapshot}, structure {self.structure}, epoch {self.epoch}"


def _sequences():
    return connection.vendor == "postgresql"


def read():
    """{name: value} of every version, in one query."""
    if _sequences():
        tables = ", ".join(f"{SEQUENCES[name]} AS {name}" for name in FIELDS)
        columns = ", ".join(f"{name}.last_value" for name in FIELDS)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM {tables}")  # constant names
            return dict(zip(FIELDS, cursor.fetchone(), strict=True))
    row = CacheVersion.objects.filter(pk=1).values_list(*FIELDS).first()
    if row is None:
        _create_row()
        row = CacheVersion.objects.filter(pk=1).values_list(*FIELDS).first()
    return dict(zip(FIELDS, row, strict=True))


def bump(*names):
    """Give each named version a value it never had."""
    if _sequences():
        calls = ", ".join(f"nextval('{SEQUENCES[name]}')" for name in names)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {calls}")  # constant names
        return
    if not CacheVersion.objects.filter(pk=1).update(**{name: fresh() for name in names}):
        _create_row()


def _create_row():
    try:
        with transaction.atomic():
            CacheVersion.objects.create(pk=1)
    except IntegrityError:  # another process made it first
        pass
