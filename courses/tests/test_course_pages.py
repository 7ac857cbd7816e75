import gzip
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import TestCase

from cms.page_cache import forget_all_pages
from courses.factories import AudiencePageFactory, LessonPageFactory, build_course_tree
from courses.models.pages import AgeBand, Audience

CSS = Path(settings.BASE_DIR, "cms/static/cms/css/site.css")


class CoursePagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=3, translate_to=["ar"])

    def get(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_module_page_lists_objectives_minutes_and_ordered_lessons(self):
        html = self.get(self.tree.module)
        self.assertIn("Say what is private.", html)
        self.assertIn("About 10 minutes", html)
        titles = [lesson.title for lesson in self.tree.lessons]
        positions = [html.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))

    def test_middle_lesson_links_to_previous_and_next_lessons(self):
        first, middle, last = self.tree.lessons
        html = self.get(middle)
        self.assertIn(f'rel="prev" href="{first.url}"', html)
        self.assertIn(f'rel="next" href="{last.url}"', html)
        self.assertIn("Lesson 2 of 3", html)

    def test_last_lesson_leads_back_to_the_module(self):
        html = self.get(self.tree.lessons[-1])
        self.assertNotIn('rel="next"', html)
        self.assertIn(f'href="{self.tree.module.url}"', html)

    def test_lesson_has_a_breadcrumb_of_its_ancestors(self):
        html = self.get(self.tree.lessons[0])
        breadcrumb = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S).group(0)
        for ancestor in (self.tree.home, self.tree.audience, self.tree.path, self.tree.module):
            self.assertIn(f'href="{ancestor.url}"', breadcrumb)
        self.assertIn('aria-current="page"', breadcrumb)

    def test_lesson_renders_every_teaching_block(self):
        html = self.get(self.tree.lessons[0])
        self.assertIn("<h2>Private means just for you</h2>", html)
        self.assertIn('class="callout callout--tip"', html)
        self.assertIn('class="takeaways"', html)
        self.assertIn('class="conversation"', html)

    def test_conversation_box_speaks_to_the_lessons_audience(self):
        """Children talk with a trusted adult; parents and educators get their own words."""
        from courses.models import AudiencePage

        lesson = self.tree.lessons[0]
        self.assertIn("Talk about it with a trusted adult", self.get(lesson))
        for audience, label in [
            (Audience.PARENTS_CARERS, "Talk about it with your child"),
            (Audience.EDUCATORS, "Talk about it with your pupils"),
        ]:
            with self.subTest(audience=audience):
                AudiencePage.objects.filter(pk=self.tree.audience.pk).update(audience=audience)
                forget_all_pages()  # as publishing the audience page would
                html = self.get(lesson)
                self.assertIn(label, html)
                self.assertNotIn("trusted adult", html)
                self.assertNotIn("For the adult:", html)

    def test_lesson_page_query_count_does_not_grow_with_lessons(self):
        self.client.get(self.tree.lessons[0].url)  # warm the site and locale caches
        with self.assertNumQueries(19) as small:  # 19th: the lesson's audience
            self.client.get(self.tree.lessons[1].url)
        for _ in range(10):
            LessonPageFactory(parent=self.tree.module)
        forget_all_pages()  # as publishing them would; then the page is rendered again
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(self.tree.lessons[1].url)

    def test_lesson_html_and_css_stay_within_the_60_kb_budget(self):
        html = self.client.get(self.tree.lessons[0].url).content
        compressed = len(gzip.compress(html)) + len(gzip.compress(CSS.read_bytes()))
        self.assertLess(compressed, 60 * 1024)

    def test_lesson_makes_no_third_party_request(self):
        response = self.client.get(self.tree.lessons[0].url)
        html = response.content.decode()
        # What the browser loads by itself (src=, <link href=>); plain links such as the
        # Quick exit button's are only followed when the visitor chooses to.
        external = re.findall(r'(?:src|<link[^>]*href)="(https?://[^"]+)"', html)
        self.assertEqual([url for url in external if "testserver" not in url], [])
        self.assertIn("default-src 'self'", response.headers["Content-Security-Policy"])


class AudiencePageRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1)

    def test_only_childrens_sections_take_an_age_band(self):
        page = AudiencePageFactory.build(audience=Audience.EDUCATORS, age_band=AgeBand.AGE_9_12)
        with self.assertRaises(ValidationError):
            page.clean()

    def test_childrens_section_shows_its_age_band(self):
        html = self.client.get(self.tree.audience.url).content.decode()
        self.assertIn("For ages 9 to 12", html)
        self.assertIn(self.tree.path.title, html)
