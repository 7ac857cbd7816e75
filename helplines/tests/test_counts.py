import datetime
import hashlib
import threading
from unittest import mock, skipUnless

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, TransactionTestCase
from django.urls import reverse
from django.utils import timezone, translation

from helplines.factories import HelplineFactory
from helplines.models import Channel, Helpline, HelpSeekingCount

SITE = "http://testserver"


def count_url():
    with translation.override("en"):
        return reverse("helplines:count")


class HelpSeekingCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.helpline = HelplineFactory(key="ca-kids", country="CA", sms="686868")

    def beacon(self, **data):
        return self.client.post(count_url(), data, HTTP_ORIGIN=SITE)

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
            HTTP_ORIGIN=SITE,
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


class BeaconAbuseTests(TestCase):
    """The count cannot be inflated by a script, nor fed from another site."""

    @classmethod
    def setUpTestData(cls):
        HelplineFactory(key="ca-kids", country="CA", sms="686868")

    def setUp(self):
        cache.clear()

    def post(self, address="203.0.113.7", **headers):
        headers.setdefault("HTTP_ORIGIN", SITE)
        return self.client.post(
            count_url(), {"helpline": "ca-kids", "channel": "phone"}, REMOTE_ADDR=address, **headers
        )

    def counted(self):
        return sum(HelpSeekingCount.objects.values_list("count", flat=True))

    def test_a_thousand_posts_from_one_address_count_at_most_the_daily_limit(self):
        limit = settings.HELP_COUNT_DAILY_LIMIT
        self.assertLess(limit, 100)
        statuses = [self.post().status_code for _ in range(1000)]
        self.assertEqual(self.counted(), limit)
        self.assertEqual(statuses[:limit], [204] * limit)
        self.assertEqual(set(statuses[limit:]), {429})
        # Another address is counted as before.
        self.assertEqual(self.post(address="198.51.100.9").status_code, 204)
        self.assertEqual(self.counted(), limit + 1)

    def test_the_limit_starts_again_the_next_day(self):
        limit = settings.HELP_COUNT_DAILY_LIMIT
        for _ in range(limit + 5):
            self.post()
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with mock.patch("helplines.beacon.timezone.localdate", return_value=tomorrow):
            self.assertEqual(self.post().status_code, 204)

    def test_behind_a_trusted_proxy_each_client_address_has_its_own_limit(self):
        limit = settings.HELP_COUNT_DAILY_LIMIT
        with self.settings(TRUSTED_PROXY_COUNT=1):
            for _ in range(limit + 5):
                self.post(address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
            self.assertEqual(self.counted(), limit)
            # A client cannot escape its limit by adding entries of its own in front.
            self.post(address="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
            self.assertEqual(self.counted(), limit)
            self.post(address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8")
            self.assertEqual(self.counted(), limit + 1)

    def test_the_cache_holds_only_a_keyed_hash_of_the_address_expiring_within_the_day(self):
        self.post(address="203.0.113.7")
        keys = [key for key in cache._cache if "help-count" in key]
        self.assertEqual(len(keys), 1)
        self.assertNotIn("203.0.113.7", keys[0])
        self.assertNotIn(hashlib.sha256(b"203.0.113.7").hexdigest(), keys[0])
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        midnight = datetime.datetime.combine(
            tomorrow, datetime.time(), tzinfo=timezone.get_current_timezone()
        )
        self.assertLessEqual(cache._expire_info[keys[0]], midnight.timestamp() + 1)
        self.assertNotIn("203.0.113.7", str(list(HelpSeekingCount.objects.values())))

    def test_posts_from_another_site_or_without_origin_are_not_counted(self):
        refused = [
            {"HTTP_ORIGIN": "https://evil.example"},
            {"HTTP_ORIGIN": "http://testserver.evil.example"},
            {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
            {"HTTP_ORIGIN": "null"},
            {"HTTP_ORIGIN": ""},
            {"HTTP_ORIGIN": SITE, "HTTP_SEC_FETCH_SITE": "cross-site"},
            {"HTTP_ORIGIN": SITE, "HTTP_SEC_FETCH_SITE": "same-site"},
        ]
        for headers in refused:
            with self.subTest(headers):
                self.assertEqual(self.post(**headers).status_code, 403)
        self.assertEqual(
            self.client.post(count_url(), {"helpline": "ca-kids", "channel": "phone"}).status_code,
            403,
        )
        self.assertEqual(self.counted(), 0)
        self.assertEqual(self.post(HTTP_SEC_FETCH_SITE="same-origin").status_code, 204)
        self.assertEqual(self.counted(), 1)

    def test_no_cookie_is_set_whatever_the_answer(self):
        user = get_user_model().objects.create_user("child", password="pw")
        self.client.force_login(user)
        self.client.get("/en/help/")
        answers = [
            self.post(),
            self.post(HTTP_ORIGIN="https://evil.example"),
            self.client.post(count_url(), {"helpline": "nope"}, HTTP_ORIGIN=SITE),
        ]
        for _ in range(settings.HELP_COUNT_DAILY_LIMIT):
            answers.append(self.post())
        self.assertEqual(answers[-1].status_code, 429)
        for response in answers:
            self.assertNotIn("Set-Cookie", response.headers)
            self.assertFalse(response.cookies)


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
                    response = client.post(
                        count_url(),
                        {"helpline": "gb", "channel": "phone"},
                        HTTP_ORIGIN=SITE,
                        REMOTE_ADDR=f"198.51.100.{threading.get_ident() % 250}",
                    )
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
