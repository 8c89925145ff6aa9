"""Who may run the network-wide campaign actions (copy a campaign for next year)."""

from sites.permissions import NETWORK_ADMINS_GROUP, is_network_wide


def can_copy_campaigns(user):
    """The central department (the central union's approvers, who manage campaigns), the
    network administrators and superusers; never a subordinate union's users."""
    if not is_network_wide(user):
        return False
    if user.is_superuser or user.has_perm("blog.add_campaign"):
        return True
    return user.groups.filter(name=NETWORK_ADMINS_GROUP).exists()
