"""The network administrators (an existing group) may now add and rename departments."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NETWORK_ADMINS_GROUP = "Quản trị mạng lưới"  # as in sites.permissions, frozen here


def grant(apps, schema_editor):
    config = apps.get_app_config("sites")
    config.models_module = True  # historical app configs have none; permissions need one
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=NETWORK_ADMINS_GROUP).first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="sites",
            codename__in=["add_department", "change_department", "view_department"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("sites", "0006_department"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
