import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from centre.services import ensure_network_admins_group
from reports.models import ReportFigure, ReportTemplate

FIGURES = [
    ("doan-vien-duoc-tham", "Đoàn viên được thăm hỏi", "count", "người", True),
    ("suat-qua", "Suất quà", "count", "suất", True),
    ("gia-tri-qua", "Tổng giá trị quà", "vnd", "", True),
    ("bai-mang-xa-hoi", "Bài trên mạng xã hội", "count", "bài", False),
]


def make_template(campaign, deadline=dt.date(2024, 3, 15)):
    template = ReportTemplate.objects.create(
        campaign=campaign, deadline=deadline, instructions="Báo cáo trước ngày 15/3."
    )
    for order, (key, label, unit, unit_label, required) in enumerate(FIGURES):
        ReportFigure.objects.create(
            template=template,
            sort_order=order,
            key=key,
            label=label,
            unit=unit,
            unit_label=unit_label,
            required=required,
        )
    return template


def full_values(base=1):
    return {
        "doan-vien-duoc-tham": 100 * base,
        "suat-qua": 80 * base,
        "gia-tri-qua": 40_000_000 * base,
        "bai-mang-xa-hoi": 5 * base,
    }


@pytest.fixture
def reports(network):
    """The network fixture plus a report template for its campaign and one user per role."""
    User = get_user_model()

    def user(name, group=None):
        u = User.objects.create_user(name, f"{name}@example.vn", "x")
        if group is not None:
            u.groups.add(group)
        return u

    return SimpleNamespace(
        n=network,
        campaign=network.campaign,
        template=make_template(network.campaign),
        approver_a=user("duyet-a", network.a.approvers_group),
        approver_b=user("duyet-b", network.b.approvers_group),
        editor_a=user("bientap-a", network.a.editors_group),
        central=user("trung-uong", network.central.approvers_group),
        network_admin=user("quantri", ensure_network_admins_group()),
    )
