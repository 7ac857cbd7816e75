"""The site's shell: what every page carries, whichever app draws it."""

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from courses.factories import build_course_tree


def help_url(language="en"):
    with translation.override(language):
        return reverse("helplines:help")


class SiteShellTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, translate_to=["ru", "ar"])

    def test_every_page_has_get_help_and_a_quick_exit_that_works_without_javascript(self):
        """Every kind of page: CMS pages of each level, the help page, account and learning
        pages, in an LTR and an RTL language."""
        for language in ("ru", "ar"):
            with translation.override(language):
                app_urls = [
                    reverse("helplines:help"),
                    reverse("accounts:login"),
                    reverse("accounts:signup"),
                    reverse("courses:my_learning"),
                ]
            page_urls = [f"/{language}{page.url[3:]}" for page in self.tree.pages]
            for url in page_urls + app_urls:
                with self.subTest(url=url):
                    with self.settings(QUICK_EXIT_URL="https://example.org/weather"):
                        response = self.client.get(url)
                    self.assertContains(response, f'class="get-help" href="{help_url(language)}"')
                    self.assertContains(
                        response, 'class="quick-exit" href="https://example.org/weather"'
                    )
                    self.assertContains(response, 'src="/static/cms/js/quick-exit.js"')
