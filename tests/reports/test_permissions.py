"""Report permissions come from the provisioning service (new unions) and the reports app's
data migration (unions that existed before it)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from sites.permissions import NETWORK_ADMINS_GROUP

pytestmark = pytest.mark.django_db
migration = importlib.import_module("reports.migrations.0002_grant_report_permissions")


def codenames(group):
    return set(
        group.permissions.filter(content_type__app_label="reports").values_list(
            "codename", flat=True
        )
    )


def snapshot(n):
    return {
        "a_editors": codenames(n.a.editors_group),
        "a_approvers": codenames(n.a.approvers_group),
        "central_approvers": codenames(n.central.approvers_group),
        "central_editors": codenames(n.central.editors_group),
        "network_admins": codenames(Group.objects.get(name=NETWORK_ADMINS_GROUP)),
    }


EXPECTED = {
    "a_editors": set(),
    "a_approvers": {"file_report"},
    "central_approvers": {
        "review_report",
        "add_reporttemplate",
        "change_reporttemplate",
        "delete_reporttemplate",
        "view_reporttemplate",
    },
    "central_editors": set(),
    "network_admins": {"review_report"},
}


def test_provisioning_grants_report_permissions(network):
    assert snapshot(network) == EXPECTED


def test_existing_unions_get_them_idempotently(network):
    ours = Permission.objects.filter(content_type__app_label="reports")
    for group in Group.objects.all():
        group.permissions.remove(*ours)
    assert all(not v for v in snapshot(network).values())
    migration.grant(apps, None)
    migration.grant(apps, None)
    assert snapshot(network) == EXPECTED


def test_report_templates_are_the_centres(client, reports):
    r = reports
    url = "/admin/snippets/reports/reporttemplate/"
    client.force_login(r.central)
    assert client.get(url).status_code == 200
    assert client.get(url + "add/").status_code == 200
    for user in (r.approver_a, r.editor_a):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
        assert client.get(url + f"edit/{r.template.pk}/").status_code in (302, 403)


def test_centre_defines_a_template_with_its_figures_in_the_admin(client, reports):
    from blog.factories import CampaignFactory
    from reports.models import ReportTemplate

    campaign = CampaignFactory(name="Chợ Tết Công đoàn 2025")
    client.force_login(reports.central)
    data = {
        "campaign": campaign.pk,
        "deadline": "2025-03-15",
        "instructions": "Gửi trước ngày 15/3.",
        "figures-TOTAL_FORMS": "2",
        "figures-INITIAL_FORMS": "0",
        "figures-MIN_NUM_FORMS": "1",
        "figures-MAX_NUM_FORMS": "1000",
    }
    for i, (key, label, unit, unit_label) in enumerate(
        [("suat-qua", "Suất quà", "count", "suất"), ("gia-tri", "Giá trị", "vnd", "")]
    ):
        data.update(
            {
                f"figures-{i}-key": key,
                f"figures-{i}-label": label,
                f"figures-{i}-unit": unit,
                f"figures-{i}-unit_label": unit_label,
                f"figures-{i}-required": "on",
                f"figures-{i}-help_text": "",
                f"figures-{i}-ORDER": str(i + 1),
                f"figures-{i}-id": "",
                f"figures-{i}-DELETE": "",
            }
        )
    response = client.post("/admin/snippets/reports/reporttemplate/add/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    template = ReportTemplate.objects.get(campaign=campaign)
    assert [(f.key, f.unit) for f in template.figures.all()] == [
        ("suat-qua", "count"),
        ("gia-tri", "vnd"),
    ]
