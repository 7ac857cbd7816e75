"""Per-language translator and reviewer roles.

Each target language has two groups: "Translators (fr)" edit the French tree (pages and
translatable snippets) and submit it for review; "Reviewers (fr)" also approve and
publish there. Neither may touch the English source or another language's tree.

Page permissions hang on each language's home page, which only exists once content is
loaded, so `setup_translation_roles` grants them; the groups themselves come from a
migration. Everything here is idempotent.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

TRANSLATOR = "translator"
REVIEWER = "reviewer"
GROUP_NAMES = {TRANSLATOR: "Translators ({language})", REVIEWER: "Reviewers ({language})"}
# Translators edit; only reviewers publish (through the review workflow, or directly).
PAGE_PERMISSIONS = {TRANSLATOR: ["change_page"], REVIEWER: ["change_page", "publish_page"]}
SNIPPET_PERMISSIONS = {
    TRANSLATOR: ["view", "change"],
    REVIEWER: ["view", "change", "publish"],
}
WORKFLOW_NAME = "Review ({language})"


def target_languages():
    """Language codes content is translated into: every language but the source."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def group_name(role, language):
    return GROUP_NAMES[role].format(language=language)


def group_role(name):
    """(role, language) for one of our group names, or None."""
    for role, pattern in GROUP_NAMES.items():
        prefix, suffix = pattern.split("{language}")
        if name.startswith(prefix) and name.endswith(suffix):
            language = name[len(prefix) : len(name) - len(suffix)]
            if language in target_languages():
                return role, language
    return None


def user_roles(user):
    """{(role, language)} of the translation groups the user belongs to (cached per user)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if not hasattr(user, "_translation_roles"):
        names = user.groups.filter(
            Q(name__startswith="Translators (") | Q(name__startswith="Reviewers (")
        ).values_list("name", flat=True)
        user._translation_roles = {role for role in map(group_role, names) if role}
    return user._translation_roles


def user_languages(user):
    return {language for _role, language in user_roles(user)}


def can_use_board(user):
    """Translators, reviewers, editors (who start translations) and administrators."""
    return bool(
        user.is_active
        and (
            user.is_superuser
            or user_roles(user)
            or user.has_perm("wagtail_localize.submit_translation")
        )
    )


def snippet_models():
    """Translatable snippet models whose per-language edits this app guards."""
    from .models import GlossaryTerm

    return [GlossaryTerm]


def user_can_edit_snippet_in_locale(user, model, locale, action="change"):
    """Whether `user` may `action` an instance of a translatable snippet in `locale`.

    Users outside the translation groups keep Django's model permissions (editors
    and administrators work on every language). Members of a translation group act
    only on their own languages, and never on the source.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    roles = user_roles(user)
    if roles:
        return any(
            language == locale.language_code and action in SNIPPET_PERMISSIONS[role]
            for role, language in roles
        )
    return user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")


def user_locale_codes(user, actions):
    """Languages in which a translation-group member may do any of `actions` on snippets.

    None when the user is not limited by language (administrators, editors and others
    outside the translation groups, who keep their model permissions).
    """
    roles = user_roles(user)
    if user.is_superuser or not roles:
        return None
    return {
        language
        for role, language in roles
        if any(action in SNIPPET_PERMISSIONS[role] for action in actions)
    }


def ensure_groups():
    """The two groups of every target language, with access to the Wagtail admin."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for language in target_languages():
        for role in GROUP_NAMES:
            group, _created = Group.objects.get_or_create(name=group_name(role, language))
            group.permissions.add(access_admin)
            groups[role, language] = group
    return groups


def _grant_snippet_permissions(groups):
    for model in snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        for (role, _language), group in groups.items():
            codenames = [
                f"{action}_{model._meta.model_name}" for action in SNIPPET_PERMISSIONS[role]
            ]
            group.permissions.add(
                *Permission.objects.filter(content_type=content_type, codename__in=codenames)
            )
        editors = Group.objects.filter(name="Editors").first()
        if editors:
            editors.permissions.add(*Permission.objects.filter(content_type=content_type))
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        # Editors start translations from English pages and sync them after edits.
        editors.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtail_localize", codename="submit_translation"
            )
        )


def _ensure_workflow(language, home, reviewers):
    name = WORKFLOW_NAME.format(language=language)
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def language_home(language):
    """The home page of a language's tree (the top page in that locale), or None."""
    return Page.objects.filter(locale__language_code=language, depth=2).order_by("path").first()


@transaction.atomic
def setup_roles():
    """Groups, their page and snippet permissions, and each language's review workflow.

    Returns the languages whose home page is missing (nothing granted there yet).
    """
    groups = ensure_groups()
    _grant_snippet_permissions(groups)
    missing = []
    for language in target_languages():
        Locale.objects.get_or_create(language_code=language)
        home = language_home(language)
        if home is None:
            missing.append(language)
            continue
        for role in GROUP_NAMES:
            group = groups[role, language]
            for codename in PAGE_PERMISSIONS[role]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=home,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        _ensure_workflow(language, home, groups[REVIEWER, language])
    return missing
