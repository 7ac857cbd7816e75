from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from helplines.factories import HelplineFactory
from helplines.views import COUNTRY_COOKIE


def help_url(language="en"):
    with translation.override(language):
        return reverse("helplines:help")


class GetHelpPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.childline = HelplineFactory(
            key="gb-childline",
            country="GB",
            name_en="Childline",
            name_fr="Childline (Royaume-Uni)",
            phone_numbers="0800 1111",
            sms="+44 7700 900 123",
        )
        cls.kenya = HelplineFactory(
            key="ke-childline", country="KE", phone_numbers="116", needs_verification=True
        )

    def test_countries_are_listed_in_the_visitors_language(self):
        response = self.client.get(help_url("fr"))
        self.assertContains(response, '<option value="DE">Allemagne</option>', html=True)
        response = self.client.get(help_url("ar"))
        self.assertContains(response, '<option value="DE">ألمانيا</option>', html=True)

    def test_choosing_a_country_shows_its_helplines_in_the_language_and_sets_a_cookie(self):
        response = self.client.get(help_url("fr"), {"country": "GB"})
        self.assertContains(response, "Childline (Royaume-Uni)")
        cookie = response.cookies[COUNTRY_COOKIE]
        self.assertEqual(cookie.value, "GB")
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertGreaterEqual(int(cookie["max-age"]), 360 * 24 * 3600)
        self.assertIn("Cookie", response["Vary"])

    def test_the_remembered_country_is_shown_on_the_next_visit(self):
        self.client.cookies[COUNTRY_COOKIE] = "GB"
        response = self.client.get(help_url())
        self.assertContains(response, "Childline")
        self.assertContains(
            response, '<option value="GB" selected>United Kingdom</option>', html=True
        )
        self.assertNotIn(COUNTRY_COOKIE, response.cookies)

    def test_without_a_choice_no_country_is_guessed(self):
        response = self.client.get(
            help_url(), REMOTE_ADDR="81.2.69.160", HTTP_ACCEPT_LANGUAGE="en-GB"
        )
        self.assertNotContains(response, "Childline")
        self.assertNotIn(COUNTRY_COOKIE, response.cookies)
        self.assertContains(response, "116 111")

    def test_phone_and_sms_numbers_are_one_tap_links(self):
        response = self.client.get(help_url(), {"country": "GB"})
        self.assertContains(response, 'href="tel:08001111"')
        self.assertContains(response, 'href="sms:+447700900123"')

    def test_a_country_without_helplines_shows_international_and_emergency_options(self):
        response = self.client.get(help_url("es"), {"country": "PE"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'href="tel:')
        self.assertContains(response, "116 111")
        self.assertContains(response, "childhelplineinternational.org")
        self.assertEqual(response.cookies[COUNTRY_COOKIE].value, "PE")

    def test_an_unknown_country_is_refused_and_keeps_the_cookie(self):
        self.client.cookies[COUNTRY_COOKIE] = "GB"
        response = self.client.get(help_url(), {"country": "XX"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "aria-invalid", status_code=400)
        self.assertNotIn(COUNTRY_COOKIE, response.cookies)

    def test_a_forged_cookie_is_ignored(self):
        self.client.cookies[COUNTRY_COOKIE] = "<script>alert(1)</script>"
        response = self.client.get(help_url())
        self.assertEqual(response.status_code, 200)
        # Neither echoed raw nor escaped, in any case: the value is not a country.
        self.assertNotIn("alert(1)", response.content.decode().lower())
        self.assertEqual(response.context["country"], "")
        self.assertEqual(response.context["helplines"], [])

    def test_helplines_being_verified_say_so(self):
        response = self.client.get(help_url("fr"), {"country": "KE"})
        self.assertContains(response, 'class="helpline__verify"')
        self.assertContains(response, "116 111")
        response = self.client.get(help_url(), {"country": "GB"})
        self.assertNotContains(response, 'class="helpline__verify"')

    def test_the_page_explains_quick_exit(self):
        response = self.client.get(help_url())
        self.assertContains(response, 'class="notice quick-exit-note"')

    def test_query_count_does_not_grow_with_helplines(self):
        self.client.get(help_url(), {"country": "GB"})  # warm the site and footer caches
        HelplineFactory.create_batch(2, country="GB")
        with self.assertNumQueries(3):
            self.client.get(help_url(), {"country": "GB"})
        HelplineFactory.create_batch(10, country="GB")
        with self.assertNumQueries(3):
            self.client.get(help_url(), {"country": "GB"})
