"""Numbers, addresses and Latin names keep their order inside right-to-left pages."""

import re
from html.parser import HTMLParser

from django.test import SimpleTestCase, TestCase
from wagtail.models import Locale, Page, Site

from cms.factories import HomePageFactory
from helplines.factories import HelplineFactory, ReportingGuidancePageFactory
from helplines.templatetags.helplines_tags import isolate_numbers

VOID_ELEMENTS = {"br", "img", "input", "meta", "link", "hr", "source", "track", "wbr"}


# What the bidirectional algorithm reorders in right-to-left text: digit groups split
# by spaces ("0800 1111" shows as "1111 0800") and a leading plus ("+44" as "44+").
# A lone number such as "130" keeps its order and needs nothing.
REORDERED_NUMBER = re.compile(r"\+\d|\d\s+\(?\d")


class DigitsOutsideIsolates(HTMLParser):
    """Collects text in <main> with a number the algorithm would reorder, not isolated."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, dict(attrs).get("dir")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = [tag for tag, _dir in self.stack]
        isolated = any(direction == "ltr" for _tag, direction in self.stack)
        if (
            "main" in tags
            and "select" not in tags
            and not isolated
            and REORDERED_NUMBER.search(data)
        ):
            self.found.append(data.strip())


def digits_outside_isolates(html):
    parser = DigitsOutsideIsolates()
    parser.feed(html)
    return parser.found


class ArabicGetHelpPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        HelplineFactory(
            key="ca-kids",
            country="CA",
            name_en="Kids Help Phone (Canada)",
            phone_numbers="0800 1111\n116 111\n+1 800 668 6868",
            sms="686868",
            whatsapp="+44 7700 900124",
            email="help@example.org",
            hours_en="Mon-Fri 9:00-17:00",
            notes_en="Text 686868 or write to help@example.org.",
        )

    def setUp(self):
        self.html = self.client.get("/ar/help/", {"country": "CA"}).content.decode()

    def test_each_number_and_address_is_wrapped_left_to_right(self):
        for text in (
            'اتصل بالرقم <bdi dir="ltr" class="number">0800 1111</bdi>',
            'اتصل بالرقم <bdi dir="ltr" class="number">116 111</bdi>',
            'اتصل بالرقم <bdi dir="ltr" class="number">+1 800 668 6868</bdi>',
            'أرسل رسالة نصية إلى <bdi dir="ltr" class="number">686868</bdi>',
            'واتساب: <bdi dir="ltr" class="number">+44 7700 900124</bdi>',
            'راسل <bdi dir="ltr">help@example.org</bdi>',
            '<bdi dir="ltr" class="number">9:00-17:00</bdi>',
            'Text <bdi dir="ltr" class="number">686868</bdi> or write to '
            '<bdi dir="ltr">help@example.org</bdi>.',
        ):
            with self.subTest(text):
                self.assertIn(text, self.html)

    def test_the_shared_numbers_keep_their_order_in_the_arabic_heading_and_text(self):
        self.assertIn(
            '<h3><bdi dir="ltr" class="number">116 111</bdi> '
            'و<bdi dir="ltr" class="number">116</bdi></h3>',
            self.html,
        )
        self.assertIn('الرقم <bdi dir="ltr" class="number">116 111</bdi> هو رقم', self.html)
        self.assertIn('تستخدم الرقم <bdi dir="ltr" class="number">116</bdi>.', self.html)

    def test_a_latin_name_from_the_directory_is_isolated(self):
        self.assertIn(
            '<h3 id="helpline-ca-kids"><bdi>Kids Help Phone (Canada)</bdi></h3>', self.html
        )

    def test_no_digit_on_the_page_is_left_to_the_arabic_text_direction(self):
        self.assertEqual(digits_outside_isolates(self.html), [])

    def test_other_languages_get_the_same_markup_and_words(self):
        html = self.client.get("/fr/help/", {"country": "CA"}).content.decode()
        self.assertIn(
            '<h3><bdi dir="ltr" class="number">116 111</bdi> '
            'et <bdi dir="ltr" class="number">116</bdi></h3>',
            html,
        )
        self.assertIn('Appeler le <bdi dir="ltr" class="number">0800 1111</bdi>', html)
        self.assertEqual(digits_outside_isolates(html), [])


class ArabicReportingPageTests(TestCase):
    def test_numbers_in_the_introduction_are_isolated(self):
        english = Locale.objects.get(language_code="en")
        arabic = Locale.objects.create(language_code="ar")
        home = HomePageFactory(parent=Page.get_first_root_node(), locale=english)
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
        page = ReportingGuidancePageFactory(parent=home)
        translation = page.copy_for_translation(arabic, copy_parents=True)
        translation.intro = "اتصل بالرقم 0800 1111 أو اكتب إلى help@example.org."
        translation.save_revision().publish()
        html = self.client.get("/ar/how-to-report/").content.decode()
        self.assertIn(
            'اتصل بالرقم <bdi dir="ltr" class="number">0800 1111</bdi> أو اكتب إلى '
            '<bdi dir="ltr">help@example.org</bdi>.',
            html,
        )
        self.assertEqual(digits_outside_isolates(html), [])


class IsolateNumbersFilterTests(SimpleTestCase):
    def test_text_is_escaped_and_sentence_punctuation_stays_outside(self):
        self.assertEqual(
            isolate_numbers('<b>"0800 1111".</b> (116 111), https://example.org/chat.'),
            '&lt;b&gt;&quot;<bdi dir="ltr" class="number">0800 1111</bdi>&quot;.&lt;/b&gt; '
            '<bdi dir="ltr" class="number">(116 111)</bdi>, <bdi dir="ltr">https://example.org/chat</bdi>.',
        )
