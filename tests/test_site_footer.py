"""The editable footer: one per language, translated with wagtail-localize, cached."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from cms.footer import footer_for
from cms.models import SiteFooter
from courses.factories import build_course_tree

BUILT_IN_SENTENCE = (
    "COP Learn: Child Online Protection training for children, parents, educators, industry "
    "and policy-makers."
)


def footer_html(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


class SiteFooterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, translate_to=["fr", "ar"])
        cls.en, cls.fr = (
            Locale.objects.get(language_code="en"),
            Locale.objects.get(language_code="fr"),
        )
        cls.footer = SiteFooter.objects.create(
            locale=cls.en,
            text="Made for children, parents and teachers.",
            links=[("link", {"page": cls.tree.audience, "label": ""})],
        )

    def lesson(self, language):
        return self.client.get(f"/{language}{self.tree.lessons[0].url[3:]}")

    def test_a_language_with_a_footer_shows_its_text_and_links_in_that_language(self):
        SiteFooter.objects.create(
            locale=self.fr,
            translation_key=self.footer.translation_key,
            text="Pour les enfants, les parents et les enseignants.",
            links=[("link", {"page": self.tree.audience, "label": ""})],
        )
        french = footer_html(self.lesson("fr"))
        self.assertIn("Pour les enfants, les parents et les enseignants.", french)
        french_audience = self.tree.audience.get_translation(self.fr)
        self.assertIn(f'<a href="{french_audience.url}">{french_audience.title}</a>', french)
        english = footer_html(self.lesson("en"))
        self.assertIn("Made for children, parents and teachers.", english)
        self.assertIn(f">{self.tree.audience.title}</a>", english)

    def test_a_language_without_a_footer_shows_the_built_in_sentence_translated(self):
        arabic = footer_html(self.lesson("ar"))
        self.assertNotIn("Made for children", arabic)
        with translation.override("ar"):
            sentence = gettext(BUILT_IN_SENTENCE)
        self.assertNotIn(BUILT_IN_SENTENCE, sentence)  # the catalogue translates it
        self.assertIn(f"<p>{sentence}</p>", arabic)

    def test_saving_a_footer_shows_the_new_text_at_once(self):
        self.lesson("en")  # fills the cache
        self.footer.text = "A new sentence."
        self.footer.save()
        self.assertIn("A new sentence.", footer_html(self.lesson("en")))

    def test_publishing_a_linked_page_refreshes_its_title_in_the_footer(self):
        self.lesson("en")
        audience = self.tree.audience
        audience.title = "Children and young people"
        audience.save_revision().publish()
        self.assertIn(">Children and young people</a>", footer_html(self.lesson("en")))

    def test_the_footer_costs_no_query_once_cached(self):
        footer_for("en")
        with self.assertNumQueries(0):
            self.assertEqual(footer_for("en")["text"], "Made for children, parents and teachers.")

    def test_one_footer_per_language(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            SiteFooter.objects.create(locale=self.en, text="A second footer.")

    def test_translators_get_the_text_and_link_label_as_segments(self):
        self.footer.links = [("link", {"page": self.tree.audience, "label": "Start here"})]
        self.footer.save()
        source, _created = TranslationSource.get_or_create_from_instance(self.footer)
        segments = set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
        self.assertEqual(segments, {"Made for children, parents and teachers.", "Start here"})


class SiteFooterAdminTests(TestCase):
    def test_editors_find_the_footer_in_the_settings_menu_and_can_add_one(self):
        build_course_tree(lesson_count=1)
        admin = get_user_model().objects.create_superuser("footer-admin", password="x-long-pass")
        self.client.force_login(admin)
        response = self.client.get(reverse("wagtailsnippets_cms_sitefooter:add"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="text"')
        locale = Locale.objects.get(language_code="en")
        response = self.client.post(
            reverse("wagtailsnippets_cms_sitefooter:add") + f"?locale={locale.language_code}",
            {"text": "Our footer.", "locale": locale.pk, "links-count": "0"},
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        self.assertEqual(SiteFooter.objects.get().text, "Our footer.")
