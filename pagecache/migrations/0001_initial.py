import secrets

from django.db import migrations, models

import pagecache.models

SEQUENCES = ("pagecache_snapshot_version", "pagecache_structure_version", "pagecache_epoch_version")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in SEQUENCES:
            # A random start: two databases sharing one Redis never share version numbers.
            schema_editor.execute(
                f"CREATE SEQUENCE IF NOT EXISTS {name} START WITH {secrets.randbits(60) + 1}"
            )
    else:
        apps.get_model("pagecache", "CacheVersion").objects.get_or_create(pk=1)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in SEQUENCES:
            schema_editor.execute(f"DROP SEQUENCE IF EXISTS {name}")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="CacheVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("snapshot", models.BigIntegerField(default=pagecache.models.fresh)),
                ("structure", models.BigIntegerField(default=pagecache.models.fresh)),
                ("epoch", models.BigIntegerField(default=pagecache.models.fresh)),
            ],
            options={"verbose_name": "cache version"},
        ),
        migrations.RunPython(create, drop),
    ]
