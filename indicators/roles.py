"""Who sees which country's indicators.

Administrators and members of the "ITU" group see every country side by side. A
national focal point (a FocalPoint row) sees their own country only. Everyone else sees
nothing. Both groups only grant entry to the Wagtail admin; what a user sees is decided
here and nowhere else.
"""

from django.contrib.auth.models import Group, Permission

from .models import FocalPoint

ITU_GROUP = "ITU"
FOCAL_POINTS_GROUP = "National focal points"
ALL_COUNTRIES = "all"


def ensure_groups():
    """The two groups, each allowed into the admin (and nothing more). Idempotent."""
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for name in (ITU_GROUP, FOCAL_POINTS_GROUP):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access)
        groups[name] = group
    return groups


def visible_countries(user):
    """ALL_COUNTRIES, a set with the one country code a focal point sees, or None.

    Kept on the user object for the request: the menu and the view both ask.
    """
    if not hasattr(user, "_indicator_scope"):
        user._indicator_scope = _scope(user)
    return user._indicator_scope


def _scope(user):
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser or user.groups.filter(name=ITU_GROUP).exists():
        return ALL_COUNTRIES
    focal_point = FocalPoint.objects.filter(user=user).first()
    if focal_point is not None:
        return {focal_point.country.code}
    return None
