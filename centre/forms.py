from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import slugify_vi
from core.uploads import CheckedImageField

from .services import DEFAULT_COLOUR


class UnionCreateForm(forms.Form):
    """The network administrator's "add a union" form; the provisioning service validates
    uniqueness and creates everything, and its errors come back onto these fields."""

    name = forms.CharField(label=_("Tên công đoàn"), max_length=200)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=60)
    slug = forms.CharField(
        label=_("Mã"),
        max_length=40,
        required=False,
        help_text=_("Chữ thường không dấu, số, gạch ngang. Để trống để tạo từ tên viết tắt."),
    )
    hostname = forms.CharField(label=_("Tên miền"), max_length=255)
    port = forms.IntegerField(label=_("Cổng"), initial=80, min_value=1, max_value=65535)
    tagline = forms.CharField(label=_("Khẩu hiệu"), max_length=200, required=False)
    primary_colour = forms.CharField(
        label=_("Màu chủ đạo"), initial=DEFAULT_COLOUR, max_length=7, required=False
    )
    contact_email = forms.EmailField(label=_("Thư điện tử liên hệ"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=40, required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    facebook_url = forms.URLField(label=_("Trang Facebook"), required=False, assume_scheme="https")
    zalo_url = forms.URLField(label=_("Zalo OA"), required=False, assume_scheme="https")
    logo = CheckedImageField(label=_("Logo"), required=False)
    editor_username = forms.CharField(label=_("Biên tập viên: tên đăng nhập"), max_length=150)
    editor_email = forms.EmailField(label=_("Biên tập viên: thư điện tử"), required=False)
    editor_password = forms.CharField(
        label=_("Biên tập viên: mật khẩu"), widget=forms.PasswordInput(render_value=False)
    )
    approver_username = forms.CharField(label=_("Người duyệt bài: tên đăng nhập"), max_length=150)
    approver_email = forms.EmailField(label=_("Người duyệt bài: thư điện tử"), required=False)
    approver_password = forms.CharField(
        label=_("Người duyệt bài: mật khẩu"), widget=forms.PasswordInput(render_value=False)
    )

    def clean_slug(self):
        return self.cleaned_data.get("slug") or slugify_vi(self.data.get("short_name", ""))[:40]

    def clean_hostname(self):
        return self.cleaned_data["hostname"].strip().lower()

    def service_arguments(self):
        data = self.cleaned_data
        fields = [
            "name", "short_name", "slug", "hostname", "port", "tagline", "primary_colour",
            "contact_email", "phone", "address", "facebook_url", "zalo_url",
        ]  # fmt: skip
        arguments = {field: data[field] for field in fields}
        arguments["logo_file"] = data.get("logo") or None
        arguments["accounts"] = [
            {
                "role": role,
                "username": data[f"{role}_username"],
                "email": data[f"{role}_email"],
                "password": data[f"{role}_password"],
            }
            for role in ("editor", "approver")
        ]
        return arguments

    def add_service_errors(self, error):
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)


class UnionEditForm(forms.Form):
    name = forms.CharField(label=_("Tên công đoàn"), max_length=200)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=60)
    hostname = forms.CharField(label=_("Tên miền"), max_length=255)
    port = forms.IntegerField(label=_("Cổng"), min_value=1, max_value=65535)

    def add_service_errors(self, error):
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)
