"""Who may file and who may review result reports.

A union's approvers (group permission ``reports.file_report``) file their own union's
report; the central department, network administrators and superusers (``review_report``)
read every report and accept or return it. Union editors have neither.
"""

from sites.permissions import user_unions


def can_review(user):
    return bool(user.is_authenticated and user.is_active and user.has_perm("reports.review_report"))


def filing_unions(user):
    """The subordinate unions whose report this user may file (they are its approvers)."""
    if not (user.is_authenticated and user.is_active and user.has_perm("reports.file_report")):
        return []
    group_ids = set(user.groups.values_list("pk", flat=True))
    return [
        union
        for union in user_unions(user)
        if not union.is_central and union.is_active and union.approvers_group_id in group_ids
    ]


def can_file(user, union):
    return any(u.pk == union.pk for u in filing_unions(user))


def can_view_report(user, union):
    return can_review(user) or can_file(user, union)


def can_see_reports(user):
    return can_review(user) or bool(filing_unions(user))
