import json

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_account_out(client, network):
    get_user_model().objects.create_user("bientap", password="Mat-khau-dung-2024")
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "bientap", "password": "sai"})
    assert response.status_code == 429
    assert "tạm bị khóa" in response.text
    # Even the right password is refused during the lockout.
    response = client.post(
        "/admin/login/", {"username": "bientap", "password": "Mat-khau-dung-2024"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_a_correct_login_works_with_lockout_enabled(client, network):
    get_user_model().objects.create_user("bientap", password="Mat-khau-dung-2024")
    response = client.post(
        "/admin/login/", {"username": "bientap", "password": "Mat-khau-dung-2024"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_new_union_users_get_a_vietnamese_admin(client, network):
    user = get_user_model().objects.create_user("moi", password="x")
    user.groups.add(network.a.editors_group)
    client.force_login(user)
    html = client.get("/admin/").text
    # The sidebar is rendered from JSON props, where non-ASCII letters are escaped.
    for label in ["Hình ảnh", "Tài liệu", "Trang"]:
        assert label in html or json.dumps(label)[1:-1] in html, label
    assert '"Images"' not in html and '"Documents"' not in html and '"Pages"' not in html


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["123456789", "password", "congdoan"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("Xuan-Giap-Thin-2024!")


def test_relative_times_in_the_admin_are_vietnamese():
    import datetime

    from django.utils import timesince, timezone, translation

    with translation.override("vi"):
        text = timesince.timesince(timezone.now() - datetime.timedelta(minutes=5))
        assert text.replace("\xa0", " ") == "5 phút"
