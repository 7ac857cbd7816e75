import threading
from unittest import skipUnless

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.urls import reverse
from django.utils import timezone, translation

from helplines.factories import HelplineFactory
from helplines.models import Channel, Helpline, HelpSeekingCount


def count_url():
    with translation.override("en"):
        return reverse("helplines:count")


class HelpSeekingCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.helpline = HelplineFactory(key="ca-kids", country="CA", sms="686868")

    def beacon(self, **data):
        return self.client.post(count_url(), data)

    def test_each_contact_click_adds_one_for_the_country_day_and_channel(self):
        self.assertEqual(self.beacon(helpline="ca-kids", channel="phone").status_code, 204)
        self.beacon(helpline="ca-kids", channel="phone")
        self.beacon(helpline="ca-kids", channel="sms")
        counts = {
            (c.country.code, c.day, c.channel): c.count for c in HelpSeekingCount.objects.all()
        }
        today = timezone.localdate()
        self.assertEqual(counts, {("CA", today, "phone"): 2, ("CA", today, "sms"): 1})

    def test_only_counts_are_stored_never_anything_about_the_person(self):
        fields = {field.name for field in HelpSeekingCount._meta.get_fields()}
        self.assertEqual(fields, {"id", "country", "day", "channel", "count"})
        user = get_user_model().objects.create_user("child", password="pw")
        self.client.force_login(user)
        sessions = Session.objects.count()
        response = self.client.post(
            count_url(),
            {"helpline": "ca-kids", "channel": "phone"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_USER_AGENT="Phone",
        )
        self.assertEqual(response.status_code, 204)
        self.assertFalse(response.cookies)
        self.assertEqual(Session.objects.count(), sessions)
        stored = list(HelpSeekingCount.objects.values())
        self.assertEqual(len(stored), 1)
        self.assertNotIn("203.0.113.7", str(stored))
        self.assertEqual(stored[0]["count"], 1)

    def test_unknown_helplines_and_channels_are_refused_and_change_nothing(self):
        for data in (
            {"helpline": "nope", "channel": "phone"},
            {"helpline": "ca-kids", "channel": "carrier-pigeon"},
            {"helpline": "ca-kids", "channel": Channel.WHATSAPP},  # not offered by it
            {"helpline": "ca-kids"},
            {},
        ):
            with self.subTest(data):
                self.assertEqual(self.beacon(**data).status_code, 400)
        self.assertFalse(HelpSeekingCount.objects.exists())

    def test_counting_only_accepts_post(self):
        response = self.client.get(count_url(), {"helpline": "ca-kids", "channel": "phone"})
        self.assertEqual(response.status_code, 405)
        self.assertFalse(HelpSeekingCount.objects.exists())

    def test_contact_links_carry_what_the_beacon_sends_and_the_script_is_deferred(self):
        response = self.client.get("/en/help/", {"country": "CA"})
        self.assertContains(response, f'data-count-url="{count_url()}"')
        self.assertContains(response, 'data-helpline="ca-kids" data-count-channel="sms"')
        self.assertContains(response, 'helplines/js/help.js" defer')


@skipUnless(connection.vendor == "postgresql", "concurrency needs a server database")
class ConcurrentCountTests(TransactionTestCase):
    def _fixture_teardown(self):
        # Only this test's rows are committed: remove them and leave what the migrations
        # made (Wagtail's root page, locales) in place for the tests that follow.
        HelpSeekingCount.objects.all().delete()
        Helpline.objects.all().delete()

    def test_concurrent_beacons_never_lose_a_count(self):
        HelplineFactory(key="gb", country="GB")
        threads, per_thread = 8, 5
        barrier = threading.Barrier(threads)
        errors = []

        def send():
            from django.db import connections
            from django.test import Client

            client = Client()
            try:
                barrier.wait()
                for _ in range(per_thread):
                    response = client.post(count_url(), {"helpline": "gb", "channel": "phone"})
                    if response.status_code != 204:
                        errors.append(response.status_code)
            except Exception as error:  # noqa: BLE001
                errors.append(error)
            finally:
                connections.close_all()

        workers = [threading.Thread(target=send) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        self.assertEqual(errors, [])
        row = HelpSeekingCount.objects.get()
        self.assertEqual(row.count, threads * per_thread)
