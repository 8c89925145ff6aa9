"""Every union's and department's groups may submit translations (wagtail-localize)."""

from django.db import migrations


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Union = apps.get_model("sites", "Union")
    Department = apps.get_model("sites", "Department")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for union in Union.objects.all():
        for group_id in (union.editors_group_id, union.approvers_group_id):
            if group_id:
                permission.group_set.add(group_id)
    for department in Department.objects.all():
        if department.editors_group_id:
            permission.group_set.add(department.editors_group_id)


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0001_initial"),
        ("sites", "0008_root_page_title"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
