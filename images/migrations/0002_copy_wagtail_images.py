"""Move every picture from Wagtail's own image model to the network's (images.CustomImage),
keeping its id, so that the foreign keys and the StreamField blocks pointing at it keep
working; their renditions, tags, search entries, reference-index rows and pending uploads
follow. Wagtail's table keeps its rows (no file is touched); the pages' foreign keys are moved
to the new table by each app's next migration, which depends on this one."""

from django.core.management.color import no_style
from django.db import migrations

BATCH = 500


def _copy(old_model, new_model):
    names = [field.attname for field in old_model._meta.concrete_fields]
    batch = []
    for row in old_model.objects.order_by("pk").values(*names).iterator(chunk_size=BATCH):
        batch.append(new_model(**row))
        if len(batch) >= BATCH:
            new_model.objects.bulk_create(batch)
            batch = []
    if batch:
        new_model.objects.bulk_create(batch)


def copy_images(apps, schema_editor):
    OldImage = apps.get_model("wagtailimages", "Image")
    OldRendition = apps.get_model("wagtailimages", "Rendition")
    NewImage = apps.get_model("images", "CustomImage")
    NewRendition = apps.get_model("images", "Rendition")
    if NewImage.objects.exists() or not OldImage.objects.exists():
        return
    _copy(OldImage, NewImage)
    _copy(OldRendition, NewRendition)

    ContentType = apps.get_model("contenttypes", "ContentType")
    old_type = ContentType.objects.filter(app_label="wagtailimages", model="image").first()
    new_type, _created = ContentType.objects.get_or_create(
        app_label="images", model="customimage"
    )
    if old_type is not None:
        moves = [
            ("taggit", "TaggedItem", ["content_type"]),
            ("wagtailcore", "ReferenceIndex", ["to_content_type", "content_type"]),
            ("wagtailcore", "UploadedFile", ["for_content_type"]),
            ("wagtailsearch", "IndexEntry", ["content_type"]),
        ]
        for app_label, model_name, fields in moves:
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                continue
            for field in fields:
                model.objects.filter(**{field: old_type}).update(**{field: new_type})

    connection = schema_editor.connection
    statements = connection.ops.sequence_reset_sql(no_style(), [NewImage, NewRendition])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
