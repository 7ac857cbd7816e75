"""Translators edit only their language's tree; reviewers also publish there."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from courses.factories import build_course_tree
from localization.factories import GlossaryTermFactory, make_user, start_translation
from localization.roles import (
    REVIEWER,
    TRANSLATOR,
    WORKFLOW_NAME,
    group_name,
    setup_roles,
    target_languages,
)

LANGUAGES = ["ar", "es", "fr", "ru", "zh-hans"]
ALL_LOCALES = ["en", *LANGUAGES]
ROLES = [TRANSLATOR, REVIEWER]


class TranslationRolesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, translate_to=LANGUAGES)
        setup_roles()
        cls.users = {
            (role, language): make_user(f"{role}-{language}", role, language)
            for role in ROLES
            for language in LANGUAGES
        }
        term = GlossaryTermFactory(term="grooming")
        term.save_revision().publish()
        cls.glossary = {"en": term} | {
            language: start_translation(term, language).get_target_instance()
            for language in LANGUAGES
        }

    def test_target_languages_are_the_five_non_english_languages(self):
        self.assertEqual(sorted(target_languages()), LANGUAGES)

    def test_migration_creates_both_groups_for_every_language_with_admin_access(self):
        for language in LANGUAGES:
            for role in ROLES:
                group = Group.objects.get(name=group_name(role, language))
                self.assertTrue(group.permissions.filter(codename="access_admin").exists())

    def test_setup_roles_twice_changes_nothing_and_assigns_each_language_its_workflow(self):
        counts = (GroupPagePermission.objects.count(), Workflow.objects.count())
        setup_roles()
        self.assertEqual((GroupPagePermission.objects.count(), Workflow.objects.count()), counts)
        for language in LANGUAGES:
            home = Page.objects.get(locale__language_code=language, depth=2)
            workflow = WorkflowPage.objects.get(page=home).workflow
            self.assertEqual(workflow.name, WORKFLOW_NAME.format(language=language))
            task = workflow.tasks.get().specific
            self.assertEqual([g.name for g in task.groups.all()], [group_name(REVIEWER, language)])

    def test_permission_matrix_each_role_edits_only_its_own_language_tree(self):
        pages = (self.tree.home, self.tree.module, self.tree.lessons[0])
        for (role, language), user in self.users.items():
            for locale_code in ALL_LOCALES:
                locale = Locale.objects.get(language_code=locale_code)
                own = locale_code == language
                for page in pages:
                    target = page.get_translation(locale)
                    perms = target.permissions_for_user(user)
                    with self.subTest(role=role, language=language, tree=locale_code, page=page):
                        self.assertIs(perms.can_edit(), own)
                        self.assertIs(perms.can_publish(), own and role == REVIEWER)
                        self.assertIs(perms.can_add_subpage(), False)
                        if not own:
                            self.assertIs(perms.can_delete(), False)

    def test_translator_gets_the_editor_for_own_language_and_is_refused_elsewhere(self):
        self.client.force_login(self.users[TRANSLATOR, "fr"])
        lesson = self.tree.lessons[0]
        for locale_code in ALL_LOCALES:
            target = lesson.get_translation(Locale.objects.get(language_code=locale_code))
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
            with self.subTest(tree=locale_code):
                if locale_code == "fr":
                    self.assertEqual(response.status_code, 200)
                else:
                    self.assertIn(response.status_code, (302, 403))

    def test_glossary_entries_are_editable_only_in_own_language(self):
        for (role, language), user in self.users.items():
            self.client.force_login(user)
            for locale_code, term in self.glossary.items():
                url = reverse("wagtailsnippets_localization_glossaryterm:edit", args=[term.pk])
                response = self.client.get(url)
                with self.subTest(role=role, language=language, entry=locale_code):
                    if locale_code == language:
                        self.assertEqual(response.status_code, 200)
                    else:  # Wagtail answers a refusal by sending the user to the dashboard
                        self.assertIn(response.status_code, (302, 403))
                        self.assertNotContains(response, term.definition, status_code=302)

    def test_translators_cannot_create_or_delete_glossary_entries(self):
        self.client.force_login(self.users[TRANSLATOR, "fr"])
        add = reverse("wagtailsnippets_localization_glossaryterm:add") + "?locale=fr"
        self.assertIn(self.client.get(add).status_code, (302, 403))
        delete = reverse(
            "wagtailsnippets_localization_glossaryterm:delete", args=[self.glossary["fr"].pk]
        )
        self.assertIn(self.client.get(delete).status_code, (302, 403))

    def test_segment_editor_api_refuses_glossary_strings_of_another_language(self):
        from wagtail_localize.models import StringSegment, StringTranslation, Translation

        self.client.force_login(self.users[TRANSLATOR, "fr"])
        for language, expected in (("fr", 201), ("ar", 403)):
            translation = Translation.objects.get(
                source__object_id=self.glossary["en"].translation_key,
                target_locale__language_code=language,
            )
            segment = StringSegment.objects.filter(source=translation.source).first()
            url = reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
            )
            response = self.client.put(
                url, "value=pirate", content_type="application/x-www-form-urlencoded"
            )
            with self.subTest(language=language):
                self.assertEqual(response.status_code, expected)
        written = StringTranslation.objects.filter(data="pirate")
        self.assertEqual([t.locale.language_code for t in written], ["fr"])
