"""Who may see what in the admin: the union boundaries Wagtail does not draw by itself.

A user belongs to the unions whose editors or approvers group they are in. Members of the
central union's groups (the central department), members of the network administrators
group and superusers work across the whole network; everybody else sees their own
unions' sites and, read-only, the central site.
"""

from django.db.models import Q
from wagtail.models import Page

from .models import Department, Union

NETWORK_ADMINS_GROUP = "Quản trị mạng lưới"


def user_unions(user):
    """The unions the user works for (cached on the user object for the request)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_union_memberships", None)
    if cached is None:
        cached = list(
            Union.objects.filter(Q(editors_group__user=user) | Q(approvers_group__user=user))
            .select_related("site__root_page")
            .distinct()
        )
        user._union_memberships = cached
    return cached


def user_departments(user):
    """The central departments whose editors group the user is in (cached on the user)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_department_memberships", None)
    if cached is None:
        cached = list(Department.objects.filter(editors_group__user=user))
        user._department_memberships = cached
    return cached


def writing_unions(user):
    """The unions on whose sites the user writes: their own, and the central union for the
    editors of a central department (who are not members of the central union: they write
    on its site but do not read the whole network)."""
    unions = list(user_unions(user))
    if user_departments(user) and not any(u.is_central for u in unions):
        central = Union.objects.filter(is_central=True).select_related("site__root_page").first()
        if central is not None:
            unions.append(central)
    return unions


def is_network_wide(user):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_network_wide", None)
    if cached is None:
        cached = (
            any(u.is_central for u in user_unions(user))
            or user.groups.filter(name=NETWORK_ADMINS_GROUP).exists()
        )
        user._network_wide = cached
    return cached


def reads_network_content(user):
    """Superusers and the central department read every union's pages; network
    administrators manage the unions themselves, not their content."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or any(u.is_central for u in user_unions(user))


def home_paths(homes):
    """Tree paths of these home pages and of their translations (English editions are
    siblings of the Vietnamese home, under the tree root)."""
    keys = [home.translation_key for home in homes]
    if not keys:
        return []
    return list(
        Page.objects.filter(translation_key__in=keys, depth=2)
        .order_by("path")
        .values_list("path", flat=True)
    )


def own_root_paths(user):
    """Tree paths of the home pages the user writes under (writing_unions), in every
    language."""
    cached = getattr(user, "_own_root_paths", None)
    if cached is None:
        cached = home_paths([u.site.root_page for u in writing_unions(user)])
        user._own_root_paths = cached
    return list(cached)


def readable_root_paths(user):
    """Own home pages plus the central site's (shared, read-only), in every language, or None
    for everything."""
    if reads_network_content(user):
        return None
    paths = own_root_paths(user)
    central = Union.objects.filter(is_central=True).select_related("site__root_page").first()
    if central:
        paths += [p for p in home_paths([central.site.root_page]) if p not in paths]
    return paths


def paths_q(paths, field="path"):
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def page_is_readable(user, page):
    paths = readable_root_paths(user)
    return paths is None or any(page.path.startswith(p) for p in paths)
