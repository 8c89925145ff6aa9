"""Grant the report permissions to the unions that existed before the reports app.

New unions get them from ``centre.services.provision_union``; this does the same, idempotently,
for existing ones, with historical models.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NETWORK_ADMINS_GROUP = "Quản trị mạng lưới"
REVIEWER_CODENAMES = ["review_report"] + [
    f"{action}_reporttemplate" for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    # Permissions are normally created after every migration has run; create ours now.
    config = apps.get_app_config("reports")
    config.models_module = getattr(config, "models_module", None) or True  # stubs have none
    create_permissions(config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Union = apps.get_model("sites", "Union")
    ours = Permission.objects.filter(content_type__app_label="reports")
    filer = list(ours.filter(codename="file_report"))
    reviewer = list(ours.filter(codename__in=REVIEWER_CODENAMES))
    for union in Union.objects.select_related("approvers_group"):
        union.approvers_group.permissions.add(*(reviewer if union.is_central else filer))
    for group in Group.objects.filter(name=NETWORK_ADMINS_GROUP):
        group.permissions.add(*ours.filter(codename="review_report"))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("sites", "0003_union_suspended_users"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
