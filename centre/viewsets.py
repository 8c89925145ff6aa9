"""Network administration of the unions, as a Wagtail ModelViewSet: the list, "add a union"
(the provisioning service makes the whole site), editing a union's name and address, and
deactivating or reactivating it. Unions are never deleted: their pages, files and reports
stay."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from blog.models import ArticlePage
from core import tree
from sites.models import Department, Union

from .forms import (
    DepartmentCreateForm,
    DepartmentEditForm,
    UnionCreateForm,
    UnionEditForm,
    add_service_errors,
)
from .services import (
    provision_department,
    provision_union,
    set_union_active,
    update_department,
    update_union,
)


class UnionPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, without delete: a union is deactivated instead, a
    department keeps its articles' source."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "delete"])


class PlainFormMixin:
    """The union forms are plain forms validated by the service's rules (centre.forms), not
    model forms: no instance or for_user."""

    def get_form_kwargs(self):
        kwargs = {"initial": self.get_initial(), "prefix": self.get_prefix()}
        if self.request.method in ("POST", "PUT"):
            kwargs.update(data=self.request.POST, files=self.request.FILES)
        return kwargs


class UnionIndexView(generic.IndexView):
    page_title = gettext_lazy("Các công đoàn trong mạng")
    default_ordering = "name"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site__root_page")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_central or not self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            return buttons
        name = "deactivate" if instance.is_active else "reactivate"
        label = _("Tạm ngừng") if instance.is_active else _("Mở lại")
        url = reverse(f"union_admin:{name}", args=[instance.pk])
        return [*buttons, MenuItem(label, url=url, icon_name="cog", priority=20)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unions = list(context["object_list"])
        roots = {union.site.root_page.path: union for union in unions}
        rows = (
            ArticlePage.objects.live()
            .annotate(root=tree.root_of(roots))
            .values("root")
            .annotate(articles=Count("pk"), last_published=Max("last_published_at"))
            .order_by()
            if roots
            else []
        )
        stats = {row["root"]: row for row in rows}
        for root, union in roots.items():
            union.article_count = stats.get(root, {}).get("articles", 0)
            union.last_published = stats.get(root, {}).get("last_published")
        return context


class UnionCreateView(PlainFormMixin, generic.CreateView):
    page_title = gettext_lazy("Thêm công đoàn")
    submit_button_label = gettext_lazy("Tạo công đoàn")
    template_name = "centre/unions/union_create.html"

    def get_initial(self):
        # The new site's links must work where the admin is used: on a development server,
        # the port it answers on; behind a production proxy, the scheme's.
        if settings.DEBUG:
            port = int(self.request.get_port())
        else:
            port = 443 if self.request.is_secure() else 80
        return {**super().get_initial(), "port": port}

    def form_valid(self, form):
        try:
            union = provision_union(**form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        log(instance=union, action="wagtail.create", user=self.request.user)
        messages.success(
            self.request,
            _("Đã tạo công đoàn “%(name)s”: %(url)s")
            % {"name": union.name, "url": union.site.root_url + "/"},
        )
        return redirect(self.index_url_name)


class ServiceEditView(PlainFormMixin, generic.EditView):
    """Edit through a service (`update`, called with the object and the form's data), which
    validates again and keeps the object's group and site or collection in step."""

    submit_button_label = gettext_lazy("Lưu")
    form_object_kwarg = None  # the form's keyword for the object edited

    @staticmethod
    def update(instance, **data):
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), self.form_object_kwarg: self.object}

    def form_valid(self, form):
        try:
            self.update(self.object, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        log(instance=self.object, action="wagtail.edit", user=self.request.user)
        messages.success(self.request, _("Đã lưu “%(name)s”.") % {"name": self.object.name})
        return redirect(self.index_url_name)


class UnionEditView(ServiceEditView):
    form_object_kwarg = "union"
    update = staticmethod(update_union)

    def get_initial(self):
        union = self.object
        return {
            "name": union.name,
            "short_name": union.short_name,
            "name_en": union.name_en,
            "short_name_en": union.short_name_en,
            "hostname": union.site.hostname,
            "port": union.site.port,
        }


class UnionViewSet(ModelViewSet):
    model = Union
    icon = "site"
    menu_label = gettext_lazy("Các công đoàn")
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "unions"
    url_namespace = "union_admin"
    copy_view_enabled = False
    index_view_class = UnionIndexView
    add_view_class = UnionCreateView
    edit_view_class = UnionEditView
    search_fields = None
    list_filter = ["is_active"]

    @property
    def list_display(self):
        return [
            "name",  # the title column: edit link, and the deactivate/reactivate action
            Column("short_name", label=_("Tên viết tắt")),
            Column("address", label=_("Địa chỉ trang"), accessor=lambda u: u.site.root_url + "/"),
            Column("article_count", label=_("Bài đã đăng")),
            Column("last_published", label=_("Đăng gần nhất")),
            StatusFlagColumn(
                "is_active", label=_("Trạng thái"), true_label=_("Đang hoạt động"),
                false_label=_("Tạm ngừng"),
            ),
        ]  # fmt: skip

    def get_add_view_kwargs(self, **kwargs):
        return {"panel": None, "form_class": UnionCreateForm, **kwargs}

    def get_edit_view_kwargs(self, **kwargs):
        return {"panel": None, "form_class": UnionEditForm, **kwargs}

    def get_urlpatterns(self):
        view = self.set_active_view
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/deactivate/", view, {"active": False}, name="deactivate"),
            path("<int:pk>/reactivate/", view, {"active": True}, name="reactivate"),
        ]

    def set_active_view(self, request, pk, active):
        """GET: confirm; POST: deactivate (site offline, accounts disabled) or reactivate."""
        if not policy_registry.get_by_type(Union).user_has_permission(request.user, "change"):
            raise PermissionDenied
        union = get_object_or_404(Union, pk=pk)
        if request.method == "POST":
            try:
                set_union_active(union, active)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                message = _("Đã mở lại “%(name)s”.") if active else _("Đã tạm ngừng “%(name)s”.")
                messages.success(request, message % {"name": union.name})
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "centre/unions/union_set_active.html",
            {"union": union, "active": active, "index_url": self.get_url_name("index")},
        )


class DepartmentIndexView(generic.IndexView):
    page_title = gettext_lazy("Các ban của trung ương")
    default_ordering = "name"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                article_count=Count("articles", filter=Q(articles__live=True)),
                editor_count=Count("editors_group__user", distinct=True),
            )
        )


class DepartmentCreateView(PlainFormMixin, generic.CreateView):
    page_title = gettext_lazy("Thêm ban")
    submit_button_label = gettext_lazy("Tạo ban")

    def form_valid(self, form):
        try:
            department = provision_department(**form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        log(instance=department, action="wagtail.create", user=self.request.user)
        messages.success(
            self.request,
            _(
                "Đã tạo “%(name)s”. Biên tập viên của ban viết bài trên trang trung tâm; bài "
                "được Ban Tuyên giáo duyệt trước khi đăng."
            )
            % {"name": department.name},
        )
        return redirect(self.index_url_name)


class DepartmentEditView(ServiceEditView):
    form_object_kwarg = "department"
    update = staticmethod(update_department)

    def get_initial(self):
        department = self.object
        return {
            "name": department.name,
            "short_name": department.short_name,
            "name_en": department.name_en,
            "short_name_en": department.short_name_en,
        }


class DepartmentViewSet(ModelViewSet):
    """The network administrator adds the central departments that supply information, the
    way unions are added (centre.services.provision_department)."""

    model = Department
    icon = "group"
    menu_label = gettext_lazy("Các ban trung ương")
    menu_order = 151
    add_to_admin_menu = True
    url_prefix = "departments"
    url_namespace = "department_admin"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = DepartmentIndexView
    add_view_class = DepartmentCreateView
    edit_view_class = DepartmentEditView
    search_fields = None

    @property
    def list_display(self):
        return [
            "name",
            Column("short_name", label=_("Tên viết tắt")),
            Column("slug", label=_("Mã")),
            Column("editor_count", label=_("Biên tập viên")),
            Column("article_count", label=_("Bài đã đăng")),
        ]

    def get_add_view_kwargs(self, **kwargs):
        return {"panel": None, "form_class": DepartmentCreateForm, **kwargs}

    def get_edit_view_kwargs(self, **kwargs):
        return {"panel": None, "form_class": DepartmentEditForm, **kwargs}
