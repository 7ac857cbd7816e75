"""Every change this project makes to wagtail-localize's behaviour, in one place.

1. Its segment editor API checks a snippet with the model-wide "change" permission
   only; the per-language rule is added (a French translator may not edit the Arabic
   glossary through the API).
2. Several of its actions replace or withdraw live content while needing only edit
   rights: "Convert to alias page" (the live French page becomes the English one at
   once), "Stop Synced translation", "Start Synced translation". They are limited to
   users who may publish in that language (its reviewers, editors, administrators),
   and hidden from the others.
3. Its segment editor's PO upload reads the whole file into memory; files over the
   board's limit are refused before it reads them.

Two more changes live beside the code they serve: the segment editor's template is
extended (templates/wagtail_localize/admin/edit_translation.html: "Submit for review"
above the segments, live-content actions hidden), and workflow.save_draft rebuilds a
draft revision by hand because save_target(publish=False) writes to the live row.
tests/test_localize_patches.py (in this app) pins the wagtail-localize release, the signatures of
what is replaced and the upstream template these were written against, so an upgrade
that changes any of them fails loudly instead of silently dropping a guard.

wagtail-localize looks these functions up on its modules when a request comes (its
URLs and hooks name `edit_translation.stop_translation`, `convert.convert_to_alias`...),
so replacing them at start-up is enough. Each replacement is marked, so installing
twice changes nothing.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from . import po
from .roles import snippet_models, user_can_edit_snippet_in_locale


def user_can_publish_instance(user, instance):
    """Whether `user` may publish (so also withdraw or replace) this page or snippet."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user_can_edit_snippet_in_locale(user, type(instance), instance.locale, "publish")


def _replace(module, name, make):
    original = getattr(module, name)
    if getattr(original, "patched_by_localization", False):
        return
    replacement = make(original)
    replacement.patched_by_localization = True
    replacement.localization_original = original
    setattr(module, name, replacement)


def guard_segment_editor_snippets():
    from wagtail_localize.views import edit_translation

    def make(original):
        def user_can_edit_instance(user, instance):
            if type(instance) in snippet_models():
                return user_can_edit_snippet_in_locale(user, type(instance), instance.locale)
            return original(user, instance)

        return user_can_edit_instance

    _replace(edit_translation, "user_can_edit_instance", make)


def guard_live_content_actions():
    from wagtail_localize.models import Translation
    from wagtail_localize.views import convert, edit_translation

    def guard_convert(original):
        @wraps(original)
        def convert_to_alias(request, page_id):
            page = get_object_or_404(Page, id=page_id)
            if not user_can_publish_instance(request.user, page):
                raise PermissionDenied
            return original(request, page_id)

        return convert_to_alias

    def guard_stop(original):
        @wraps(original)
        def stop_translation(request, translation_id):
            translation = get_object_or_404(Translation, id=translation_id)
            if not user_can_publish_instance(request.user, translation.get_target_instance()):
                raise PermissionDenied
            return original(request, translation_id)

        return stop_translation

    def guard_restart(original):
        @wraps(original)
        def restart_translation(request, translation, instance):
            if not user_can_publish_instance(request.user, instance):
                raise PermissionDenied
            return original(request, translation, instance)

        return restart_translation

    _replace(convert, "convert_to_alias", guard_convert)
    _replace(edit_translation, "stop_translation", guard_stop)
    _replace(edit_translation, "restart_translation", guard_restart)
    hide_live_content_menu_items()


def hide_live_content_menu_items():
    from wagtail_localize import wagtail_hooks

    def only_for_publishers(original, instance_key):
        def is_shown(self, context):
            instance = context.get(instance_key)
            return bool(
                original(self, context)
                and instance is not None
                and user_can_publish_instance(context["request"].user, instance)
            )

        return is_shown

    for menu_item, key in (
        (wagtail_hooks.ConvertToAliasPageActionMenuItem, "page"),
        (wagtail_hooks.RestartTranslationPageActionMenuItem, "page"),
        (wagtail_hooks.RestartTranslationSnippetActionMenuItem, "instance"),
    ):
        _replace(
            menu_item, "is_shown", lambda original, key=key: only_for_publishers(original, key)
        )


def cap_segment_editor_upload():
    from wagtail_localize.views import edit_translation

    def make(original):
        @wraps(original)
        def upload_pofile(request, translation_id):
            upload = request.FILES.get("file")
            if upload is not None and upload.size > po.MAX_FILE_BYTES:
                messages.error(
                    request,
                    _("%(file)s is too large (at most %(size)s KB).")
                    % {"file": upload.name, "size": po.MAX_FILE_BYTES // 1024},
                )
                return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
            return original(request, translation_id)

        return upload_pofile

    _replace(edit_translation, "upload_pofile", make)


def install():
    guard_segment_editor_snippets()
    guard_live_content_actions()
    cap_segment_editor_upload()
