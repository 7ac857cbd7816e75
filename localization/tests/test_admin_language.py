"""The Wagtail admin speaks the language a translator or reviewer works on."""

import re

from django.test import TestCase
from django.urls import reverse

from courses.factories import build_course_tree
from localization.factories import make_user
from localization.roles import REVIEWER, TRANSLATOR, setup_roles


def admin_language(client, user):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return re.search(r'<html lang="([^"]+)"', html).group(1)


class AdminLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_course_tree(lesson_count=1, translate_to=["ar", "fr", "zh-hans"])
        setup_roles()

    def test_a_new_translator_sees_the_admin_in_their_language(self):
        for role, language in [(TRANSLATOR, "fr"), (REVIEWER, "ar"), (TRANSLATOR, "zh-hans")]:
            with self.subTest(role=role, language=language):
                user = make_user(f"{role}-{language}", role, language, admin_language=None)
                self.assertEqual(admin_language(self.client, user), language)

    def test_a_language_the_user_chose_is_kept(self):
        user = make_user("chooser", admin_language="es")
        user.groups.add(*make_user("template", TRANSLATOR, "fr").groups.all())
        self.assertEqual(admin_language(self.client, user), "es")

    def test_an_editor_keeps_the_default_admin_language(self):
        self.assertEqual(
            admin_language(
                self.client, make_user("editor", admin_language=None, is_superuser=True)
            ),
            "en",
        )
