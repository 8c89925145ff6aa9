"""The one validation of a union's settings: the admin's forms, the `create_union_site`
command and the provisioning service (which every caller goes through) all use these forms,
so a rule is written once."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from core.text import normalize, slugify_vi
from core.uploads import CheckedImageField
from sites.models import Department, Union, hex_colour

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)
DEFAULT_COLOUR = "#a61b1b"
SLUG_MAX_LENGTH = 40
PORT_ERROR = gettext_lazy("Cổng phải là số từ 1 đến 65535.")
# The first accounts of a new union: role -> who they are, in the form's labels.
ROLES = {"editor": gettext_lazy("Biên tập viên"), "approver": gettext_lazy("Người duyệt bài")}


# Words a code leaves out: every union is a "công đoàn" and most are a ministry's ("bộ").
CODE_PREFIXES = ("cong-doan-", "cdvc-", "cd-", "bo-")


def union_code(short_name):
    """The code (and host name) proposed for a union: its short name folded, without the
    words every union shares: "CĐ Bộ Y tế" → "y-te", "CĐ Thông tấn xã VN" → "thong-tan-xa-vn"."""
    code = slugify_vi(short_name)
    changed = True
    while changed:
        changed = False
        for prefix in CODE_PREFIXES:
            if code.startswith(prefix) and len(code) > len(prefix):
                code, changed = code[len(prefix) :], True
    return code[:SLUG_MAX_LENGTH].strip("-")


def group_names(short_name):
    return (
        _("%(union)s – Biên tập viên") % {"union": short_name},
        _("%(union)s – Duyệt bài") % {"union": short_name},
    )


def required(message):
    return {"required": message}


class EnglishNamesForm(forms.Form):
    """The names a union or a department shows on English pages (sites.network.in_locale):
    optional, after its Vietnamese names."""

    name_en = forms.CharField(
        label=gettext_lazy("Tên tiếng Anh"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Hiện trên các trang tiếng Anh của mạng, nếu có."),
    )
    short_name_en = forms.CharField(
        label=gettext_lazy("Tên viết tắt tiếng Anh"), max_length=60, required=False
    )
    field_order = ["name", "short_name", "name_en", "short_name_en"]


class UnionForm(EnglishNamesForm):
    """Name, short name and address of a union's site: creating one, or editing `union`."""

    name = forms.CharField(
        label=gettext_lazy("Tên công đoàn"),
        max_length=200,
        error_messages=required(gettext_lazy("Nhập tên công đoàn.")),
    )
    short_name = forms.CharField(
        label=gettext_lazy("Tên viết tắt"),
        max_length=60,
        error_messages=required(gettext_lazy("Nhập tên viết tắt.")),
    )
    hostname = forms.CharField(
        label=gettext_lazy("Tên miền"),
        max_length=255,
        error_messages=required(gettext_lazy("Nhập tên miền.")),
    )
    port = forms.IntegerField(
        label=gettext_lazy("Cổng"),
        initial=80,
        min_value=1,
        max_value=65535,
        error_messages={
            "required": PORT_ERROR,
            "invalid": PORT_ERROR,
            "min_value": PORT_ERROR,
            "max_value": PORT_ERROR,
        },
    )

    def __init__(self, *args, union=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.union = union

    def clean_name(self):
        name = normalize(self.cleaned_data["name"]).strip()
        if not name:
            raise ValidationError(_("Nhập tên công đoàn."))
        return name

    def clean_short_name(self):
        short_name = normalize(self.cleaned_data["short_name"]).strip()
        if not short_name:
            raise ValidationError(_("Nhập tên viết tắt."))
        unchanged = self.union is not None and short_name == self.union.short_name
        if not unchanged and Group.objects.filter(name__in=group_names(short_name)).exists():
            raise ValidationError(_("Tên viết tắt “%(v)s” đã được dùng.") % {"v": short_name})
        return short_name

    def clean_hostname(self):
        hostname = self.cleaned_data["hostname"].strip().lower()
        if not HOSTNAME_RE.match(hostname):
            raise ValidationError(_("Tên miền “%(v)s” không hợp lệ.") % {"v": hostname})
        taken = Site.objects.filter(hostname=hostname)
        if self.union is not None:
            taken = taken.exclude(pk=self.union.site_id)
        if taken.exists():
            raise ValidationError(
                _("Tên miền “%(v)s” đã được dùng cho trang khác.") % {"v": hostname}
            )
        return hostname


class UnionEditForm(UnionForm):
    pass


class UnionCreateForm(UnionForm):
    """Everything a new union's site starts with. `accounts_required`: the admin asks for the
    first editor and approver; the command and the demo create none. `slug_from_short_name`:
    the admin fills a blank code from the short name."""

    slug = forms.CharField(
        label=gettext_lazy("Mã"),
        required=False,
        help_text=gettext_lazy(
            "Chữ thường không dấu, số, gạch ngang. Để trống để tạo từ tên viết tắt."
        ),
    )
    is_central = forms.BooleanField(required=False, widget=forms.HiddenInput)
    tagline = forms.CharField(label=gettext_lazy("Khẩu hiệu"), max_length=200, required=False)
    primary_colour = forms.CharField(
        label=gettext_lazy("Màu chủ đạo"),
        initial=DEFAULT_COLOUR,
        max_length=7,
        required=False,
        validators=[hex_colour],
    )
    contact_email = forms.EmailField(label=gettext_lazy("Thư điện tử liên hệ"), required=False)
    phone = forms.CharField(label=gettext_lazy("Điện thoại"), max_length=40, required=False)
    address = forms.CharField(label=gettext_lazy("Địa chỉ"), max_length=255, required=False)
    facebook_url = forms.URLField(
        label=gettext_lazy("Trang Facebook"), required=False, assume_scheme="https"
    )
    zalo_url = forms.URLField(label=gettext_lazy("Zalo OA"), required=False, assume_scheme="https")
    logo = CheckedImageField(label=gettext_lazy("Logo"), required=False)

    def __init__(self, *args, accounts_required=True, slug_from_short_name=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.accounts_required = accounts_required
        self.slug_from_short_name = slug_from_short_name
        for role, who in ROLES.items():
            self.fields[f"{role}_username"] = forms.CharField(
                label=_("%(who)s: tên đăng nhập") % {"who": who},
                max_length=150,
                required=accounts_required,
            )
            self.fields[f"{role}_email"] = forms.EmailField(
                label=_("%(who)s: thư điện tử") % {"who": who}, required=False
            )
            self.fields[f"{role}_password"] = forms.CharField(
                label=_("%(who)s: mật khẩu") % {"who": who},
                required=accounts_required,
                widget=forms.PasswordInput(render_value=False),
            )

    def clean_slug(self):
        slug = (self.cleaned_data.get("slug") or "").strip()
        if not slug and self.slug_from_short_name:
            slug = union_code(self.data.get("short_name", ""))
        if not slug:
            raise ValidationError(_("Nhập mã (chữ thường không dấu, số, gạch ngang)."))
        if slug != slugify_vi(slug) or len(slug) > SLUG_MAX_LENGTH:
            raise ValidationError(
                _(
                    "Mã “%(v)s” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch "
                    "ngang, tối đa 40 ký tự (ví dụ “%(s)s”)."
                )
                % {"v": slug, "s": slugify_vi(slug)[:SLUG_MAX_LENGTH] or "tu-phap"}
            )
        if Union.objects.filter(slug=slug).exists():
            raise ValidationError(_("Mã “%(v)s” đã được dùng cho công đoàn khác.") % {"v": slug})
        if Page.get_first_root_node().get_children().filter(slug=slug).exists():
            raise ValidationError(_("Mã “%(v)s” trùng với một trang gốc đã có.") % {"v": slug})
        return slug

    def clean_is_central(self):
        is_central = self.cleaned_data.get("is_central", False)
        if is_central and Union.objects.filter(is_central=True).exists():
            raise ValidationError(_("Mạng đã có trang trung tâm."))
        return is_central

    def clean_primary_colour(self):
        return self.cleaned_data.get("primary_colour") or DEFAULT_COLOUR

    def clean(self):
        cleaned_data = super().clean()
        User = get_user_model()
        seen = set()
        for role in ROLES:
            username = (cleaned_data.get(f"{role}_username") or "").strip()
            if not username:
                continue
            try:
                UnicodeUsernameValidator()(username)
            except ValidationError as error:
                self.add_error(f"{role}_username", error.messages[0])
                continue
            if username in seen or User.objects.filter(username__iexact=username).exists():
                self.add_error(
                    f"{role}_username",
                    _("Tên đăng nhập “%(v)s” đã có người dùng.") % {"v": username},
                )
            seen.add(username)
            try:
                validate_password(
                    cleaned_data.get(f"{role}_password") or "", User(username=username)
                )
            except ValidationError as error:
                self.add_error(f"{role}_password", " ".join(error.messages))
        return cleaned_data

    def accounts(self):
        data = self.cleaned_data
        return [
            {
                "role": role,
                "username": data[f"{role}_username"].strip(),
                "email": data[f"{role}_email"],
                "password": data[f"{role}_password"],
            }
            for role in ROLES
            if data.get(f"{role}_username")
        ]

    def service_arguments(self):
        data = self.cleaned_data
        fields = [
            "name", "short_name", "name_en", "short_name_en", "slug", "hostname", "port",
            "tagline", "primary_colour",
            "contact_email", "phone", "address", "facebook_url", "zalo_url",
        ]  # fmt: skip
        arguments = {field: data[field] for field in fields}
        arguments["logo_file"] = data.get("logo") or None
        arguments["accounts"] = self.accounts()
        return arguments


def add_service_errors(form, error):
    """Errors the service found after the form (a concurrent request) onto the form's fields."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def errors_of(form):
    """The form's errors as a ValidationError keyed by field, as the service raises them."""
    return ValidationError({field: list(messages) for field, messages in form.errors.items()})


def department_group_name(short_name):
    return _("%(department)s – Biên tập viên") % {"department": short_name}


class DepartmentForm(EnglishNamesForm):
    """A central department's name: creating one, or renaming `department`."""

    name = forms.CharField(
        label=gettext_lazy("Tên ban"),
        max_length=200,
        error_messages=required(gettext_lazy("Nhập tên ban.")),
        help_text=gettext_lazy("Ví dụ: Ban Chính sách - Pháp luật - Quan hệ lao động."),
    )
    short_name = forms.CharField(
        label=gettext_lazy("Tên viết tắt"),
        max_length=60,
        error_messages=required(gettext_lazy("Nhập tên viết tắt.")),
        help_text=gettext_lazy("Hiện trên thẻ bài viết, ví dụ: Ban CS-PL-QHLĐ."),
    )

    def __init__(self, *args, department=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.department = department

    def clean_name(self):
        name = normalize(self.cleaned_data["name"]).strip()
        if not name:
            raise ValidationError(_("Nhập tên ban."))
        return name

    def clean_short_name(self):
        short_name = normalize(self.cleaned_data["short_name"]).strip()
        if not short_name:
            raise ValidationError(_("Nhập tên viết tắt."))
        unchanged = self.department is not None and short_name == self.department.short_name
        if not unchanged and Group.objects.filter(name=department_group_name(short_name)).exists():
            raise ValidationError(_("Tên viết tắt “%(v)s” đã được dùng.") % {"v": short_name})
        return short_name


class DepartmentEditForm(DepartmentForm):
    pass


class DepartmentCreateForm(DepartmentForm):
    """A new department and, optionally, its first editor's account."""

    slug = forms.CharField(
        label=gettext_lazy("Mã"),
        required=False,
        help_text=gettext_lazy(
            "Chữ thường không dấu, số, gạch ngang; dùng trong bộ lọc tin. Để trống để tạo từ "
            "tên viết tắt."
        ),
    )
    editor_username = forms.CharField(
        label=gettext_lazy("Biên tập viên: tên đăng nhập"), max_length=150, required=False
    )
    editor_email = forms.EmailField(
        label=gettext_lazy("Biên tập viên: thư điện tử"), required=False
    )
    editor_password = forms.CharField(
        label=gettext_lazy("Biên tập viên: mật khẩu"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
    )

    def clean_slug(self):
        slug = (self.cleaned_data.get("slug") or "").strip()
        if not slug:
            slug = slugify_vi(self.data.get("short_name", ""))[:SLUG_MAX_LENGTH].strip("-")
        if not slug:
            raise ValidationError(_("Nhập mã (chữ thường không dấu, số, gạch ngang)."))
        if slug != slugify_vi(slug) or len(slug) > SLUG_MAX_LENGTH:
            raise ValidationError(
                _("Mã “%(v)s” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang.")
                % {"v": slug}
            )
        if Department.objects.filter(slug=slug).exists():
            raise ValidationError(_("Mã “%(v)s” đã được dùng cho ban khác.") % {"v": slug})
        return slug

    def clean(self):
        cleaned_data = super().clean()
        username = (cleaned_data.get("editor_username") or "").strip()
        if not username:
            return cleaned_data
        User = get_user_model()
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError as error:
            self.add_error("editor_username", error.messages[0])
            return cleaned_data
        if User.objects.filter(username__iexact=username).exists():
            self.add_error(
                "editor_username", _("Tên đăng nhập “%(v)s” đã có người dùng.") % {"v": username}
            )
        try:
            validate_password(cleaned_data.get("editor_password") or "", User(username=username))
        except ValidationError as error:
            self.add_error("editor_password", " ".join(error.messages))
        return cleaned_data

    def service_arguments(self):
        data = self.cleaned_data
        accounts = []
        if data.get("editor_username"):
            accounts.append(
                {
                    "username": data["editor_username"].strip(),
                    "email": data["editor_email"],
                    "password": data["editor_password"],
                }
            )
        return {
            "name": data["name"],
            "short_name": data["short_name"],
            "slug": data["slug"],
            "accounts": accounts,
        }
