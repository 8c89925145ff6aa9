from django.contrib.auth.management import create_permissions
from django.db import migrations


def central_department_takes_down_without_publishing(apps, schema_editor):
    """Replace the central department's publish right on the tree root (which let it
    publish unions' drafts and change their privacy) with the take-down permission."""
    sites_config = apps.get_app_config("sites")
    sites_config.models_module = True
    create_permissions(sites_config, apps=apps, verbosity=0)
    sites_config.models_module = None

    Union = apps.get_model("sites", "Union")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    central = Union.objects.filter(is_central=True).first()
    if central is None:
        return
    GroupPagePermission.objects.filter(
        group_id=central.approvers_group_id, page__depth=1
    ).delete()
    take_down = Permission.objects.get(
        content_type__app_label="sites", codename="take_down_page"
    )
    central.approvers_group.permissions.add(take_down)


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0003_union_suspended_users"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="union",
            options={
                "ordering": ["-is_central", "name"],
                "permissions": [("take_down_page", "Gỡ bài trên trang của công đoàn")],
                "verbose_name": "công đoàn",
                "verbose_name_plural": "công đoàn",
            },
        ),
        migrations.RunPython(
            central_department_takes_down_without_publishing, migrations.RunPython.noop
        ),
    ]
