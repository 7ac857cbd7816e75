"""The per-language rule for translatable snippets, as a Wagtail permission policy.

Django's model permissions say what a group may do with glossary terms at all; this
policy narrows every question about one instance to the languages of the user's
translation groups (see roles.user_can_edit_snippet_in_locale). Wagtail asks the policy
per instance in bulk actions, listings and some views, but most snippet views (unpublish,
history, revisions, locking, workflow...) only ask it per model when they start. So the
snippet viewset also routes every URL that names an instance through
`user_has_permission_for_instance` (see `guard_object_urls`): every action, present or
added by a later Wagtail, follows the same rule as editing.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from wagtail.permission_policies import ModelPermissionPolicy

from .roles import user_can_edit_snippet_in_locale, user_locale_codes

# The permission each instance URL needs; any other URL naming an instance (edit,
# history, revisions, compare, revert, lock, usage, workflow, preview...) needs "change".
OBJECT_URL_ACTIONS = {
    "delete": "delete",
    "copy": "add",
    "unpublish": "publish",
    "revisions_unschedule": "publish",
}


class LanguagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited per instance to the locales the user may work in."""

    def user_has_permission_for_instance(self, user, action, instance):
        return user_can_edit_snippet_in_locale(user, self.model, instance.locale, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        codes = user_locale_codes(user, actions)
        if codes is None:
            return instances
        return instances.filter(locale__language_code__in=codes)


def url_action(name):
    return OBJECT_URL_ACTIONS.get(name, "change")


def guard_object_urls(patterns, model, policy):
    """`patterns` with each view that takes an instance's `pk` checked by `policy` first."""
    return [_guard(pattern, model, policy) for pattern in patterns]


def _guard(pattern, model, policy):
    if not isinstance(pattern, URLPattern) or "pk" not in pattern.pattern.regex.groupindex:
        return pattern
    view = pattern.callback
    action = url_action(pattern.name)

    @wraps(view)
    def checked_view(request, *args, **kwargs):
        instance = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
        if instance is not None and not policy.user_has_permission_for_instance(
            request.user, action, instance
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return URLPattern(pattern.pattern, checked_view, pattern.default_args, pattern.name)
