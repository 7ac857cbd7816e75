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
