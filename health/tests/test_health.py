from unittest import mock

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse


class HealthEndpointTests(TestCase):
    def test_live_answers_without_touching_any_service(self):
        with self.assertNumQueries(0):
            response = self.client.get(reverse("health:live"))
        self.assertEqual(response.json(), {"status": "ok"})

    def test_ready_checks_database_cache_and_storage(self):
        response = self.client.get(reverse("health:ready"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}},
        )

    def test_a_failing_service_makes_ready_answer_503_naming_it_and_nothing_more(self):
        with mock.patch.object(cache, "get", side_effect=ConnectionError("redis at 10.0.0.5")):
            response = self.client.get(reverse("health:ready"))
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["checks"]["cache"], "failed")
        self.assertEqual(response.json()["checks"]["database"], "ok")
        self.assertNotIn(b"10.0.0.5", response.content)

    def test_answers_are_never_cached_and_set_no_cookie(self):
        for name in ("health:live", "health:ready"):
            with self.subTest(name):
                response = self.client.get(reverse(name))
                self.assertIn("no-store", response["Cache-Control"])
                self.assertEqual(response.cookies, {})
                self.assertEqual(self.client.post(reverse(name)).status_code, 405)
