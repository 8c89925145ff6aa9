from django.contrib.auth import get_user_model


def member(group, name):
    """A user with an e-mail address, in ``group`` (a union's editors or approvers)."""
    user = get_user_model().objects.create_user(name, f"{name}@example.vn", "x")
    user.groups.add(group)
    return user
