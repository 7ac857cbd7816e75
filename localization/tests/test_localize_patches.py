"""An upgrade of wagtail-localize that changes what the project patches fails here.

Each patch replaces a function or method by name; if a release renames it, changes its
arguments or rewrites the template the project extends, the guard would silently stop
applying. These tests pin what the patches were written against: on a failure, read
the release's changes for the named object, adapt localization/localize_patches.py (or
the template override, or workflow.save_draft), then update the pins below.
"""

import hashlib
import inspect
from importlib.metadata import version
from pathlib import Path

import wagtail_localize
from django.test import SimpleTestCase
from wagtail_localize import wagtail_hooks
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation

WRITTEN_AGAINST = "1.14.5"
UPSTREAM_EDITOR_TEMPLATE_SHA256 = "52b849c00b09876c0fb0e7314a762f1eebb1c4212120828c61c1350a301a5ba7"

PATCHED = {
    (edit_translation, "user_can_edit_instance"): ["user", "instance"],
    (edit_translation, "stop_translation"): ["request", "translation_id"],
    (edit_translation, "restart_translation"): ["request", "translation", "instance"],
    (edit_translation, "upload_pofile"): ["request", "translation_id"],
    (convert, "convert_to_alias"): ["request", "page_id"],
    (wagtail_hooks.ConvertToAliasPageActionMenuItem, "is_shown"): ["self", "context"],
    (wagtail_hooks.RestartTranslationPageActionMenuItem, "is_shown"): ["self", "context"],
    (wagtail_hooks.RestartTranslationSnippetActionMenuItem, "is_shown"): ["self", "context"],
}


class LocalizePatchesTests(SimpleTestCase):
    def test_the_installed_release_is_the_one_the_patches_were_written_for(self):
        self.assertEqual(version("wagtail-localize"), WRITTEN_AGAINST)

    def test_every_patch_is_installed_over_a_function_with_the_expected_arguments(self):
        for (owner, name), arguments in PATCHED.items():
            with self.subTest(patched=f"{owner.__name__}.{name}"):
                replacement = getattr(owner, name)
                self.assertTrue(getattr(replacement, "patched_by_localization", False))
                original = replacement.localization_original
                self.assertEqual(list(inspect.signature(original).parameters), arguments)

    def test_the_upstream_segment_editor_template_is_the_one_the_override_extends(self):
        template = (
            Path(wagtail_localize.__file__).parent
            / "templates/wagtail_localize/admin/edit_translation.html"
        )
        digest = hashlib.sha256(template.read_bytes()).hexdigest()
        self.assertEqual(digest, UPSTREAM_EDITOR_TEMPLATE_SHA256)

    def test_save_draft_relies_on_save_target_taking_user_and_publish(self):
        parameters = inspect.signature(Translation.save_target).parameters
        self.assertLessEqual({"user", "publish"}, set(parameters))
