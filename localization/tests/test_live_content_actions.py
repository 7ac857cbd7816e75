"""Actions that replace or withdraw a live translation need the right to publish it."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from courses.factories import build_course_tree
from localization.factories import make_user, start_translation
from localization.roles import REVIEWER, TRANSLATOR, setup_roles


class LiveContentActionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2)
        cls.translations = {page.pk: start_translation(page, "fr") for page in cls.tree.pages}
        setup_roles()
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")
        cls.reviewer = make_user("reviewer-fr", REVIEWER, "fr")
        cls.admin = make_user("admin", is_superuser=True)
        cls.french = Locale.objects.get(language_code="fr")

    def french_page(self, page):
        return Page.objects.get(translation_key=page.translation_key, locale=self.french)

    def translation(self, page):
        return Translation.objects.get(pk=self.translations[page.pk].pk)

    def assert_refused(self, response):
        self.assertIn(response.status_code, (302, 403))
        if response.status_code == 302:
            self.assertNotIn("/localize/", response["Location"])

    # Convert to alias page: the live French page would become the English one.

    def test_translator_cannot_convert_a_live_translation_to_an_alias(self):
        self.client.force_login(self.translator)
        lesson = self.tree.lessons[0]
        french = self.french_page(lesson)
        url = reverse("wagtail_localize:convert_to_alias", args=[french.pk])
        self.assert_refused(self.client.get(url))
        self.assert_refused(self.client.post(url))
        edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
        self.client.post(edit, {"localize-convert-to-alias": "1"}, follow=True)
        french.refresh_from_db()
        self.assertIsNone(french.alias_of_id)
        self.assertEqual(french.title, lesson.title)
        self.assertTrue(self.translation(lesson).enabled)

    def test_reviewer_and_administrator_may_convert_to_an_alias(self):
        for user, lesson in zip((self.reviewer, self.admin), self.tree.lessons, strict=True):
            self.client.force_login(user)
            french = self.french_page(lesson)
            url = reverse("wagtail_localize:convert_to_alias", args=[french.pk])
            self.assertEqual(self.client.get(url).status_code, 200)
            self.client.post(url)
            french.refresh_from_db()
            with self.subTest(user=user.username):
                self.assertEqual(french.alias_of_id, lesson.pk)

    # Stop and restart the synced translation.

    def test_translator_cannot_stop_or_restart_the_translation(self):
        self.client.force_login(self.translator)
        lesson = self.tree.lessons[0]
        translation = self.translation(lesson)
        url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
        self.assert_refused(self.client.post(url))
        self.assertTrue(self.translation(lesson).enabled)

        Translation.objects.filter(pk=translation.pk).update(enabled=False)
        edit = reverse("wagtailadmin_pages:edit", args=[self.french_page(lesson).pk])
        self.assert_refused(self.client.post(edit, {"localize-restart-translation": "1"}))
        self.assertFalse(self.translation(lesson).enabled)

    def test_reviewer_may_stop_and_restart_the_translation(self):
        self.client.force_login(self.reviewer)
        lesson = self.tree.lessons[0]
        translation = self.translation(lesson)
        url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
        self.client.post(url)
        self.assertFalse(self.translation(lesson).enabled)
        edit = reverse("wagtailadmin_pages:edit", args=[self.french_page(lesson).pk])
        self.client.post(edit, {"localize-restart-translation": "1"})
        self.assertTrue(self.translation(lesson).enabled)

    # Menus: the actions are not offered to those who cannot use them.

    def test_translation_editor_offers_live_actions_only_to_those_who_may_publish(self):
        lesson = self.tree.lessons[0]
        french = self.french_page(lesson)
        edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
        convert = reverse("wagtail_localize:convert_to_alias", args=[french.pk])
        self.client.force_login(self.translator)
        response = self.client.get(edit)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, convert)
        self.assertContains(response, "translation-editor--no-live-actions")
        self.assertContains(response, "localization/css/translation-editor.css")
        self.client.force_login(self.reviewer)
        response = self.client.get(edit)
        self.assertContains(response, convert)
        self.assertNotContains(response, "translation-editor--no-live-actions")

    def test_page_editor_menu_offers_restart_and_convert_only_to_those_who_may_publish(self):
        lesson = self.tree.lessons[0]
        Translation.objects.filter(pk=self.translation(lesson).pk).update(enabled=False)
        edit = reverse("wagtailadmin_pages:edit", args=[self.french_page(lesson).pk])
        self.client.force_login(self.translator)
        response = self.client.get(edit)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="localize-restart-translation"')
        self.assertNotContains(response, 'name="localize-convert-to-alias"')
        self.client.force_login(self.reviewer)
        response = self.client.get(edit)
        self.assertContains(response, 'name="localize-restart-translation"')
        self.assertContains(response, 'name="localize-convert-to-alias"')

    # Actions that were already refused to translators stay refused.

    def test_translator_cannot_publish_sync_delete_or_start_translations(self):
        self.client.force_login(self.translator)
        lesson = self.tree.lessons[0]
        french = self.french_page(lesson)
        translation = self.translation(lesson)
        edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
        self.assert_refused(self.client.post(edit, {"action": "publish"}))
        update = reverse("wagtail_localize:update_translations", args=[translation.source_id])
        self.assert_refused(self.client.post(update, {"publish_translations": "on"}))
        submit = reverse("wagtail_localize:submit_page_translation", args=[lesson.pk])
        self.assert_refused(self.client.post(submit, {"locales": [self.french.pk]}))
        delete = reverse("wagtailadmin_pages:delete", args=[french.pk])
        self.assert_refused(self.client.post(delete))
        french.refresh_from_db()
        self.assertEqual(french.title, lesson.title)
        self.assertTrue(french.live)
        self.assertFalse(french.permissions_for_user(self.translator).can_delete())


class SegmentEditorUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)
        cls.translation = start_translation(cls.tree.lessons[0], "fr")
        setup_roles()
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")

    def test_segment_editor_refuses_a_po_file_over_the_limit_before_reading_it(self):
        from unittest import mock

        from django.contrib.messages import get_messages
        from django.core.files.uploadedfile import SimpleUploadedFile
        from wagtail_localize.models import StringTranslation

        from localization import po as po_module

        exported = self.translation.export_po()
        for entry in exported:
            entry.msgstr = "FR: " + entry.msgid
        data = (str(exported) + "#" * 5000 + "\n").encode()
        self.client.force_login(self.translator)
        url = reverse("wagtail_localize:upload_pofile", args=[self.translation.pk])
        with mock.patch.object(po_module, "MAX_FILE_BYTES", 2048):
            response = self.client.post(url, {"file": SimpleUploadedFile("x.po", data)})
        self.assertEqual(response.status_code, 302)
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertIn("x.po is too large (at most 2 KB).", messages)
        self.assertFalse(StringTranslation.objects.filter(data__startswith="FR: ").exists())
