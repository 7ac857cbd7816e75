"""Every page in every language, with lang and dir; translations and the fallback notice."""

import re

from django.conf import settings
from django.test import TestCase

from courses.factories import build_course_tree

TARGETS = ["fr", "es", "ru", "ar", "zh-hans"]


def html_tag(html):
    return re.search(r"<html [^>]*>", html).group(0)


class LanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Every page translated except the second lesson in Spanish.
        cls.tree = build_course_tree(lesson_count=2, translate_to=TARGETS)
        cls.untranslated = cls.tree.lessons[1]
        cls.untranslated.get_translation(
            cls.untranslated.locale.__class__.objects.get(language_code="es")
        ).delete()

    def test_every_page_renders_in_every_language_with_lang_and_dir(self):
        for code, _name in settings.LANGUAGES:
            for page in self.tree.pages:
                url = f"/{code}{page.url[3:]}"
                with self.subTest(language=code, page=page.title):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    direction = "rtl" if code == "ar" else "ltr"
                    self.assertEqual(
                        html_tag(response.content.decode()),
                        f'<html lang="{code}" dir="{direction}">',
                    )

    def test_translated_page_shows_the_translation(self):
        lesson = self.tree.lessons[0]
        html = self.client.get(f"/ar{lesson.url[3:]}").content.decode()
        self.assertIn(f"{lesson.title} [ar]", html)
        self.assertNotIn("not available in your language", html)

    def test_switcher_links_to_every_translation_of_the_page(self):
        lesson = self.tree.lessons[0]
        html = self.client.get(f"/fr{lesson.url[3:]}").content.decode()
        switcher = re.search(r'<details class="language-switcher"[^>]*>.*?</details>', html, re.S)
        for code, _name in settings.LANGUAGES:
            self.assertIn(f'href="/{code}{lesson.url[3:]}" lang="{code}"', switcher.group(0))
        self.assertIn('hreflang="fr" aria-current="true"', switcher.group(0))

    def test_head_lists_hreflang_alternates_of_existing_translations(self):
        lesson = self.tree.lessons[1]
        html = self.client.get(lesson.url).content.decode()
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
        self.assertEqual({code for code, _ in alternates}, {"en", "fr", "ru", "ar", "zh-hans"})
        self.assertTrue(all(href.startswith("http://testserver/") for _, href in alternates))

    def test_missing_translation_serves_source_page_with_notice_in_ui_language(self):
        response = self.client.get(f"/es{self.untranslated.url[3:]}")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="es" dir="ltr">', html)
        self.assertIn('class="notice"', html)
        self.assertIn('<div lang="en" dir="ltr" class="content">', html)
        self.assertIn(self.untranslated.title, html)
        self.assertIn('<meta name="robots" content="noindex">', html)

    def test_switcher_marks_a_missing_translation_and_still_links_to_it(self):
        html = self.client.get(self.untranslated.url).content.decode()
        self.assertRegex(
            html,
            rf'href="/es{re.escape(self.untranslated.url[3:])}" lang="es"[^>]*>Español</a> '
            r"<small>",
        )

    def test_unknown_path_is_still_a_404(self):
        response = self.client.get("/fr/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertIn('<html lang="fr"', response.content.decode())

    def test_root_redirects_by_browser_language(self):
        for accept, code in [("ar,en;q=0.5", "ar"), ("zh-CN,zh;q=0.9", "zh-hans"), ("ru", "ru")]:
            with self.subTest(accept=accept):
                response = self.client.get("/", headers={"accept-language": accept})
                self.assertRedirects(response, f"/{code}/", fetch_redirect_response=False)

    def test_root_redirects_to_english_for_an_unsupported_language(self):
        response = self.client.get("/", headers={"accept-language": "sw"})
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)
