"""Translators and reviewers see the Wagtail admin in the language they work on."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from wagtail.users.models import UserProfile

from .roles import group_role


def admin_language_follows_translation_group(sender, instance, action, pk_set, **kwargs):
    """On joining "Translators (fr)" or "Reviewers (fr)", the admin switches to French.

    A translator reads the admin's buttons, dates and wagtail-localize's "English to
    Français" headings in their own language. A language the user chose themselves in
    their admin profile is kept; so is the first one for someone in several languages.
    """
    if action != "post_add" or not isinstance(instance, get_user_model()):
        return
    languages = [
        role[1]
        for role in map(
            group_role, Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        )
        if role
    ]
    if not languages:
        return
    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = sorted(languages)[0]
        profile.save(update_fields=["preferred_language"])


def connect():
    m2m_changed.connect(
        admin_language_follows_translation_group,
        sender=get_user_model().groups.through,
        dispatch_uid="localization.admin_language",
    )
