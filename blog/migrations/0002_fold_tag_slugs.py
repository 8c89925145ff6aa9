"""Re-slug existing tags to folded ASCII ("tết-sum-vầy" -> "tet-sum-vay")."""

from django.db import migrations

from core.text import slugify_vi


def fold_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.order_by("pk"):
        base = slugify_vi(tag.name)[:90] or "tu-khoa"
        if tag.slug == base or not base:
            continue
        taken.discard(tag.slug)
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        tag.slug = slug
        tag.save(update_fields=["slug"])
        taken.add(slug)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(fold_slugs, migrations.RunPython.noop)]
