"""The tree's root page, shown in the page chooser, is named in Vietnamese ("Root" was
Wagtail's English placeholder)."""

from django.db import migrations

TITLE = "Tất cả các trang"


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=TITLE, draft_title=TITLE)


def restore(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("sites", "0007_network_admins_manage_departments"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(rename, restore)]
