"""The article's admin form: the source department belongs to the central site's articles."""

from sites.models import Department
from sites.network import get_network
from sites.pages import FoldedSlugPageForm
from sites.permissions import reads_network_content, user_departments


class ArticlePageForm(FoldedSlugPageForm):
    """A union's article has no department field (its union is its source). On the central
    site, a department's editor writes for their own department: the field offers only it
    and starts on it; the centre may name any department, or none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("department")
        if field is None:
            return
        parent = self.parent_page
        site = get_network().site_for_path(parent.path) if parent is not None else None
        if site is None or not site.is_central:
            del self.fields["department"]
            return
        user = self.for_user
        own = user_departments(user) if user is not None else []
        if own and not reads_network_content(user):
            field.queryset = Department.objects.filter(pk__in=[d.pk for d in own])
            field.required = True
            field.empty_label = None
            if not self.instance.department_id:
                self.initial["department"] = own[0].pk
