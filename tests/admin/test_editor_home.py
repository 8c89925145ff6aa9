"""The admin in Vietnamese for the people who use it: a "Viết bài mới" panel on the home with
the user's own columns, the network's own editors' guide in the help menu instead of Wagtail's
English one, and Wagtail's reports menu named apart from "Báo cáo kết quả"."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def user_in(group, name):
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(group)
    return user


def test_an_editor_starts_an_article_from_the_home_in_their_own_columns(client, network):
    client.force_login(user_in(network.a.editors_group, "bientap-home"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="write-heading"') :]
    panel = panel[: panel.index("</section>")]
    own = reverse(
        "wagtailadmin_pages:add", args=("blog", "articlepage", network.columns["tu-phap"].pk)
    )
    other = reverse(
        "wagtailadmin_pages:add", args=("blog", "articlepage", network.columns["noi-vu"].pk)
    )
    assert own in panel and other not in panel
    assert client.get(own).status_code == 200


def test_the_help_menu_leads_to_the_vietnamese_editors_guide(client, network):
    client.force_login(user_in(network.b.approvers_group, "duyet-home"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editor_guide") in html
    assert "Editor Guide" not in html and "guide.wagtail.org" not in html
    guide = client.get(reverse("editor_guide"))
    assert guide.status_code == 200
    text = guide.content.decode()
    assert "Hướng dẫn biên tập" in text and "văn bản thay thế" in text and "Gửi duyệt" in text


def test_wagtails_reports_menu_is_named_apart_from_the_result_reports(client, network):
    client.force_login(get_user_model().objects.create_superuser("admin-home", password="x"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # The menu is JSON for the sidebar's script: labels are escaped there.
    menu = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1])
    labels = re.findall(r'"label": "([^"]*)"', json.dumps(menu, ensure_ascii=False))
    assert "Nhật ký, thống kê" in labels and "Báo cáo kết quả" in labels
    assert "Báo cáo" not in labels
