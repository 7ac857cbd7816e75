"""Pictures, progress at a glance and the celebration on the learner's pages."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase

from courses.factories import LessonPageFactory, ModulePageFactory, build_course_tree, quiz_answers
from courses.icons import Icon

User = get_user_model()
LEARN_CSS = Path(settings.BASE_DIR, "courses/static/courses/css/learn.css")


def icons_in(html):
    return re.findall(r"<svg [^>]*>\s*<use href=\"[^\"]+#([a-z-]+)\"></use></svg>", html)


class LearnerPagesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(
            lesson_count=2, quizzes=True, module_count=2, translate_to=("ar",)
        )
        first, second = cls.tree.modules
        first.icon, second.icon = Icon.LOCK, Icon.CHAT
        for module in (first, second):
            module.save_revision().publish()
        cls.tree.audience.icon = Icon.BUDDY
        cls.tree.audience.save_revision().publish()
        cls.user = User.objects.create_user("learner", password="pw-learner")

    def setUp(self):
        self.client.force_login(self.user)

    def get(self, page, language="en"):
        if language != "en":
            page = type(page).objects.get(
                translation_key=page.translation_key, locale__language_code=language
            )
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def mark_done(self, lesson):
        self.client.post(f"/en/learn/lessons/{lesson.pk}/done/")

    def finish(self, module):
        for lesson in module.get_children().specific():
            self.mark_done(lesson)
        self.client.post(f"/en/learn/quizzes/{module.pk}/final/", quiz_answers("final"))


class IconTests(LearnerPagesTestCase):
    def test_every_icon_is_decorative_and_comes_from_the_sites_own_sprite(self):
        for page in (self.tree.audience, self.tree.path, self.tree.module):
            html = self.get(page)
            svgs = re.findall(r"<svg [^>]*>", html)
            self.assertTrue(svgs, page)
            for svg in svgs:
                self.assertIn('aria-hidden="true"', svg)
                self.assertIn('focusable="false"', svg)
            for href in re.findall(r'<use href="([^"#]+)#', html):
                self.assertTrue(href.startswith("/static/courses/img/icons"), href)

    def test_audience_and_modules_show_the_icons_editors_chose(self):
        self.assertEqual(icons_in(self.get(self.tree.audience))[0], "buddy")
        self.assertEqual(icons_in(self.get(self.tree.path))[:2], ["lock", "chat"])
        self.assertEqual(icons_in(self.get(self.tree.module))[0], "lock")

    def test_every_icon_choice_is_a_symbol_in_the_sprite(self):
        sprite = Path(settings.BASE_DIR, "courses/static/courses/img/icons.svg").read_text()
        for name in [*Icon.values, "check", "star", "arrow"]:
            self.assertIn(f'<symbol id="{name}"', sprite)


class ProgressIndicatorTests(LearnerPagesTestCase):
    def test_path_shows_modules_and_lessons_done_for_a_learner_part_way(self):
        self.finish(self.tree.modules[0])
        self.mark_done(self.tree.all_lessons[2])
        html = self.get(self.tree.path)
        self.assertIn("Modules done: 1 of 2", html)
        self.assertIn('<progress class="progress-bar" max="2" value="1"', html)
        self.assertIn("Module finished", html)
        self.assertIn("Lessons done: 1 of 2", html)

    def test_new_learner_sees_nothing_started(self):
        self.client.logout()
        html = self.get(self.tree.path)
        self.assertIn("Modules done: 0 of 2", html)
        self.assertEqual(html.count("Not started yet"), 2)

    def test_arabic_path_counts_the_same_lessons(self):
        self.mark_done(self.tree.lessons[0])
        html = self.get(self.tree.path, "ar")
        self.assertIn("الدروس المكتملة: 1 من 2", html)

    def test_module_page_shows_lessons_done_in_words_and_a_bar(self):
        self.mark_done(self.tree.lessons[1])
        html = self.get(self.tree.module)
        self.assertIn("Lessons done: 1 of 2", html)
        self.assertIn('<progress class="progress-bar" max="2" value="1"', html)
        self.assertEqual(html.count('class="done-mark"'), 1)

    def test_path_page_query_count_does_not_grow_with_modules_or_lessons(self):
        self.mark_done(self.tree.lessons[0])
        self.client.get(self.tree.path.url)  # warm the site and locale caches
        with self.assertNumQueries(25) as small:
            self.client.get(self.tree.path.url)
        for _ in range(3):
            module = ModulePageFactory(parent=self.tree.path)
            for _ in range(3):
                LessonPageFactory(parent=module)
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(self.tree.path.url)


class CelebrationTests(LearnerPagesTestCase):
    def test_no_celebration_until_the_module_is_complete(self):
        for lesson in self.tree.lessons:
            self.mark_done(lesson)
        self.assertNotIn('class="celebration"', self.get(self.tree.module))

    def test_finished_module_celebrates_and_links_to_the_next_module(self):
        self.finish(self.tree.modules[0])
        html = self.get(self.tree.module)
        self.assertIn('class="celebration"', html)
        self.assertIn("Well done!", html)
        second = self.tree.modules[1]
        self.assertIn(f'href="{second.url}"', html)
        self.assertIn(f"Next module: {second.title}", html)
        self.assertNotIn('class="celebration"', self.get(second))

    def test_last_module_of_the_path_leads_to_my_learning(self):
        self.finish(self.tree.modules[1])
        html = self.get(self.tree.modules[1])
        self.assertIn('class="celebration"', html)
        self.assertIn('href="/en/my-learning/"', html)

    def test_confetti_is_decorative_and_stops_for_reduced_motion(self):
        self.finish(self.tree.modules[0])
        html = self.get(self.tree.module)
        self.assertIn('class="celebration__confetti" aria-hidden="true"', html)
        css = LEARN_CSS.read_text()
        reduced = css[css.index("@media (prefers-reduced-motion: reduce)") :]
        self.assertIn(".celebration__confetti { display: none; }", reduced)


# The module page's main button, by how far the learner has got, in every language.
MODULE_BUTTONS = {
    "en": ("Start the module", "Continue: ", "Take the final quiz", "Review the module"),
    "fr": ("Commencer le module", "Continuer\u00a0: ", "Passer le quiz final", "Revoir le module"),
    "es": ("Empieza el módulo", "Continúa: ", "Haz el cuestionario final", "Repasa el módulo"),
    "ru": ("Начать модуль", "Продолжить: ", "Пройти итоговый тест", "Повторить модуль"),
    "ar": ("ابدأ الوحدة", "تابع: ", "ابدأ الاختبار النهائي", "راجع الوحدة"),
    "zh-hans": ("开始学习本单元", "继续：", "参加期末测验", "复习本单元"),
}


def module_button(html):
    return re.search(r'<p><a class="button" href="([^"]+)">([^<]+)</a>', html).groups()


class ModuleButtonTests(LearnerPagesTestCase):
    def button(self, language):
        # Untranslated pages are shown in their source language with the visitor's UI.
        url = f"/{language}/" + self.tree.module.url.split("/", 2)[2]
        return module_button(self.client.get(url).content.decode())

    def test_new_module_says_start_and_leads_to_the_first_lesson(self):
        for language, (start, *_rest) in MODULE_BUTTONS.items():
            with self.subTest(language=language):
                href, text = self.button(language)
                self.assertEqual(text, start)
                self.assertTrue(href.endswith(self.tree.lessons[0].url.split("/", 2)[2]))

    def test_started_module_says_continue_with_the_next_lesson(self):
        first, second = self.tree.lessons
        self.mark_done(first)
        for language, (_start, continue_, *_rest) in MODULE_BUTTONS.items():
            with self.subTest(language=language):
                href, text = self.button(language)
                # Arabic shows the lesson's Arabic title ("... [ar]" in these tests).
                self.assertTrue(text.startswith(continue_ + second.title), text)
                self.assertTrue(href.endswith(second.url.split("/", 2)[2]))

    def test_module_with_every_lesson_done_leads_to_the_final_quiz(self):
        for lesson in self.tree.lessons:
            self.mark_done(lesson)
        for language, (_start, _continue, quiz, _review) in MODULE_BUTTONS.items():
            with self.subTest(language=language):
                self.assertEqual(self.button(language), ("#quiz-final-title", quiz))

    def test_finished_module_offers_a_review_not_a_start(self):
        self.finish(self.tree.module)
        for language, (start, _continue, _quiz, review) in MODULE_BUTTONS.items():
            with self.subTest(language=language):
                href, text = self.button(language)
                self.assertEqual(text, review)
                self.assertNotIn(start, self.client.get(href).content.decode())


class CelebrationAnnouncementTests(LearnerPagesTestCase):
    def test_celebration_is_a_region_with_a_heading_and_not_a_live_region(self):
        self.finish(self.tree.module)
        for language in ("en", "ar"):
            html = self.get(self.tree.module, language)
            section = re.search(r'<section class="celebration"[^>]*>', html).group(0)
            self.assertNotIn("role=", section)
            self.assertNotIn("aria-live", section)
            self.assertIn('aria-labelledby="celebration-heading"', section)
            self.assertIn('<h2 id="celebration-heading"', html)
            self.assertNotIn('role="status"', html)

    def test_passing_the_final_quiz_without_javascript_leads_to_the_celebration(self):
        for lesson in self.tree.lessons:
            self.mark_done(lesson)
        response = self.client.post(
            f"/fr/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final")
        )
        self.assertContains(response, f'href="{self.tree.module.url}#celebration"')
        self.assertIn('id="celebration"', self.get(self.tree.module))


class HomeCardIconTests(LearnerPagesTestCase):
    def test_home_cards_show_each_audiences_icon_decoratively_in_every_language(self):
        # The icon is a synchronised field: translations carry the source's choice.
        type(self.tree.audience).objects.filter(
            translation_key=self.tree.audience.translation_key
        ).update(icon=Icon.BUDDY)
        for language in ["en", "fr", "es", "ru", "ar", "zh-hans"]:
            with self.subTest(language=language):
                html = self.client.get(f"/{language}/").content.decode()
                cards = re.search(r'<ul class="card-list">.*?</ul>', html, re.S).group(0)
                self.assertEqual(icons_in(cards), ["buddy"])
                svg = re.search(r"<svg [^>]*>", cards).group(0)
                self.assertIn('class="icon card__icon"', svg)
                self.assertIn('aria-hidden="true"', svg)
                self.assertIn('focusable="false"', svg)

    def test_home_card_icons_are_sized_by_the_site_stylesheet(self):
        css = Path(settings.BASE_DIR, "cms/static/cms/css/site.css").read_text()
        self.assertRegex(css, r"\.card__icon \{[^}]*inline-size: 3rem")
