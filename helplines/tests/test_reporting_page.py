from django.test import TestCase
from wagtail.models import Locale, Page, Site

from cms.factories import HomePageFactory
from helplines.factories import ReportingGuidancePageFactory


class ReportingGuidancePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        english = Locale.objects.get(language_code="en")
        french = Locale.objects.create(language_code="fr")
        Locale.objects.create(language_code="ar")
        cls.home = HomePageFactory(parent=Page.get_first_root_node(), locale=english)
        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.save()
        cls.page = ReportingGuidancePageFactory(parent=cls.home, title="How to report")
        translation = cls.page.copy_for_translation(french, copy_parents=True)
        translation.title = "Comment signaler"
        translation.save_revision().publish()

    def test_the_guidance_page_renders_and_links_back_to_get_help(self):
        response = self.client.get("/en/how-to-report/")
        self.assertContains(response, "<h1>How to report</h1>", html=True)
        self.assertContains(response, 'href="/en/help/"')

    def test_get_help_links_to_the_guidance_in_the_visitors_language(self):
        response = self.client.get("/fr/help/")
        self.assertContains(response, 'href="/fr/how-to-report/"')

    def test_get_help_falls_back_to_the_english_guidance_when_it_is_not_translated(self):
        response = self.client.get("/ar/help/")
        self.assertContains(response, 'href="/en/how-to-report/"')
