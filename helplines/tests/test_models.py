from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from helplines.factories import HelplineFactory
from helplines.models import Helpline


class HelplineTests(TestCase):
    def test_translated_name_falls_back_to_english(self):
        helpline = HelplineFactory(name_en="Childline", name_fr="Childline (France)")
        with translation.override("fr"):
            self.assertEqual(helpline.name, "Childline (France)")
        with translation.override("ar"):
            self.assertEqual(helpline.name, "Childline")

    def test_phone_numbers_become_dial_strings_and_116_numbers_are_marked(self):
        helpline = HelplineFactory(phone_numbers="116 111\n+1 (800) 668-6868\n0800 1111")
        self.assertEqual(
            [(p["dial"], p["harmonised"]) for p in helpline.phones],
            [("116111", True), ("+18006686868", False), ("08001111", False)],
        )

    def test_a_helpline_without_any_contact_is_invalid(self):
        helpline = HelplineFactory.build(phone_numbers="")
        with self.assertRaises(ValidationError):
            helpline.full_clean()

    def test_a_letter_in_a_phone_number_is_invalid(self):
        helpline = HelplineFactory.build(phone_numbers="0800 CHILD")
        with self.assertRaises(ValidationError) as raised:
            helpline.full_clean()
        self.assertIn("phone_numbers", raised.exception.message_dict)


class SampleHelplinesTests(TestCase):
    def test_sample_helplines_are_all_flagged_translated_and_loading_twice_changes_nothing(self):
        call_command("load_sample_helplines", stdout=open("/dev/null", "w"))  # noqa: SIM115
        before = list(Helpline.objects.rewrite(False).values())
        call_command("load_sample_helplines", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.assertEqual(list(Helpline.objects.rewrite(False).values()), before)
        self.assertEqual(len(before), 15)
        self.assertTrue(all(row["needs_verification"] for row in before))
        for row in before:
            for code in ("en", "fr", "es", "ru", "ar", "zh_hans"):
                self.assertTrue(row[f"name_{code}"], row["key"])
                self.assertTrue(row[f"notes_{code}"], row["key"])

    def test_sample_helplines_use_only_the_published_numbers(self):
        call_command("load_sample_helplines", stdout=open("/dev/null", "w"))  # noqa: SIM115
        numbers = {h.key: h.phone_numbers for h in Helpline.objects.all()}
        self.assertEqual(numbers["gb-childline"], "0800 1111")
        self.assertEqual(numbers["ke-childline-kenya"], "116")
        self.assertEqual(Helpline.objects.get(key="ca-kids-help-phone").sms, "686868")
