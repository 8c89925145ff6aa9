"""Network administration in the Wagtail admin: the unions, adding one, (de)activating one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blog.models import ArticlePage
from core import tree
from sites.models import Union

from .forms import UnionCreateForm, UnionEditForm, add_service_errors
from .services import provision_union, set_union_active, update_union


def _require(request, codename):
    if not request.user.has_perm(f"sites.{codename}"):
        raise PermissionDenied


def union_index(request):
    _require(request, "view_union")
    unions = list(Union.objects.select_related("site__root_page"))
    roots = [union.site.root_page.path for union in unions]
    stats = (
        {
            row["root"]: row
            for row in ArticlePage.objects.live()
            .annotate(root=tree.root_of(roots))
            .values("root")
            .annotate(articles=Count("pk"), last_published=Max("last_published_at"))
            .order_by()
        }
        if roots
        else {}
    )
    rows = [(union, stats.get(union.site.root_page.path, {})) for union in unions]
    return TemplateResponse(
        request,
        "centre/unions/union_index.html",
        {
            "rows": rows,
            "can_add": request.user.has_perm("sites.add_union"),
            "can_change": request.user.has_perm("sites.change_union"),
        },
    )


def union_create(request):
    _require(request, "add_union")
    form = UnionCreateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            union = provision_union(**form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã tạo công đoàn “%(name)s”: %(url)s")
                % {"name": union.name, "url": union.site.root_url + "/"},
            )
            return redirect("union_admin:index")
    return TemplateResponse(
        request,
        "centre/unions/union_form.html",
        {
            "form": form,
            "title": _("Thêm công đoàn"),
            "submit_label": _("Tạo công đoàn"),
            "intro": _(
                "Tạo trang riêng cho một công đoàn trực thuộc: trang chủ, tên miền, nhóm biên "
                "tập và duyệt bài, thư mục ảnh và tài liệu, quy trình duyệt bài, cùng hai tài "
                "khoản đầu tiên."
            ),
        },
    )


def union_edit(request, pk):
    _require(request, "change_union")
    union = get_object_or_404(Union.objects.select_related("site"), pk=pk)
    initial = {
        "name": union.name,
        "short_name": union.short_name,
        "hostname": union.site.hostname,
        "port": union.site.port,
    }
    form = UnionEditForm(request.POST or None, initial=initial, union=union)
    if request.method == "POST" and form.is_valid():
        try:
            update_union(union, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Đã lưu “%(name)s”.") % {"name": union.name})
            return redirect("union_admin:index")
    return TemplateResponse(
        request,
        "centre/unions/union_form.html",
        {"form": form, "title": union.name, "submit_label": _("Lưu")},
    )


@require_POST
def union_set_active(request, pk, active):
    _require(request, "change_union")
    union = get_object_or_404(Union, pk=pk)
    try:
        set_union_active(union, active)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        message = _("Đã mở lại “%(name)s”.") if active else _("Đã tạm ngừng “%(name)s”.")
        messages.success(request, message % {"name": union.name})
    return redirect("union_admin:index")
