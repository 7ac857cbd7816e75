"""Anonymous pages from the shared cache (cms.page_cache), and the forms on them.

A visitor without a session gets the same bytes as every other such visitor, with no
database query and no cookie; publishing anything the page shows forgets it; signed-in
learners and visitors with progress get their own page, never a stored one; and the
forms on stored pages still refuse a forged post.
"""

import re

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from wagtail.models import Locale

from cms import page_cache
from cms.models import SiteFooter
from courses.factories import build_course_tree, quiz_answers
from courses.models import LessonCompletion, LessonPage, QuizAttempt
from helplines.factories import HelplineFactory

FORGED_ORIGIN = "https://attacker.example"


def token_in(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)
    return match.group(1) if match else None


class CacheTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, quizzes=True, translate_to=["fr"])
        cls.lesson = cls.tree.lessons[0]
        cls.french_lesson = cls.lesson.get_translation(Locale.objects.get(language_code="fr"))
        cls.quiz_url = reverse("courses:submit_quiz", args=[cls.lesson.pk, "check"])
        cls.done_url = reverse("courses:mark_done", args=[cls.lesson.pk])
        users = get_user_model().objects
        cls.alice = users.create_user("alice", password="pw-alice-1", display_name="Alice Star")
        cls.bob = users.create_user("bob", password="pw-bob-1", display_name="Bobby Moon")

    def page_urls(self):
        tree = self.tree
        return [
            tree.home.url,
            tree.audience.url,
            tree.path.url,
            tree.module.url,
            self.lesson.url,
            self.french_lesson.url,
            reverse("helplines:help"),
        ]


class ServedFromCacheTests(CacheTestCase):
    def test_every_anonymous_page_is_stored_and_served_again_without_a_query(self):
        for url in self.page_urls():
            with self.subTest(url=url):
                client = Client()
                first = client.get(url)
                self.assertEqual(first.status_code, 200)
                self.assertEqual(first.cookies, {})
                self.assertNotIn("Set-Cookie", first)
                self.assertEqual(client.cookies, {})
                with self.assertNumQueries(0):
                    again = Client().get(url)
                self.assertEqual(again.status_code, 200)
                self.assertEqual(again.content, first.content)
                self.assertEqual(again.cookies, {})

    def test_pages_tell_cdns_and_browsers_how_long_to_keep_them(self):
        for response in (self.client.get(self.lesson.url), self.client.get(self.lesson.url)):
            control = {part.strip() for part in response["Cache-Control"].split(",")}
            self.assertEqual(control, {"public", "max-age=60", "s-maxage=120"})
            self.assertIn("Cookie", response["Vary"])

    def test_compressed_and_plain_copies_are_kept_apart(self):
        plain = self.client.get(self.lesson.url)
        compressed = self.client.get(self.lesson.url, headers={"accept-encoding": "gzip"})
        self.assertEqual(compressed["Content-Encoding"], "gzip")
        with self.assertNumQueries(0):
            again = self.client.get(self.lesson.url)
        self.assertNotIn("Content-Encoding", again)
        self.assertEqual(again.content, plain.content)

    def test_each_language_has_its_own_copy(self):
        english = self.client.get(self.lesson.url).content.decode()
        french = self.client.get(self.french_lesson.url).content.decode()
        self.assertIn('<html lang="fr"', french)
        self.assertIn(f"{self.lesson.title} [fr]", french)
        self.assertNotIn("[fr]</h1>", english)

    def test_a_query_string_or_another_cookie_is_never_served_from_the_cache(self):
        self.client.get(self.lesson.url)
        with self.assertNumQueries(0):
            self.client.get(self.lesson.url)
        self.assertGreater(self.count_queries(lambda: self.client.get(self.lesson.url + "?x=1")), 0)
        client = Client()
        client.cookies["messages"] = "anything"
        self.assertGreater(self.count_queries(lambda: client.get(self.lesson.url)), 0)
        # The CSRF cookie alone changes nothing on the page.
        client = Client()
        client.cookies["csrftoken"] = "a" * 32
        with self.assertNumQueries(0):
            client.get(self.lesson.url)

    def test_forms_on_stored_pages_carry_no_token_but_say_where_to_get_one(self):
        html = self.client.get(self.lesson.url).content.decode()
        self.assertEqual(html.count('name="csrfmiddlewaretoken" value=""'), 2)
        self.assertIn('data-form-token="/form-token/"', html)
        self.assertIn("cms/js/form-token.js", html)

    def count_queries(self, request):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            request()
        return len(queries)


class ForgottenOnPublishTests(CacheTestCase):
    def stored(self, url):
        self.client.get(url)
        with self.assertNumQueries(0):
            return self.client.get(url).content.decode()

    def test_publishing_a_new_title_shows_at_once(self):
        self.stored(self.lesson.url)
        lesson = LessonPage.objects.get(pk=self.lesson.pk)
        lesson.title = "A brand new title"
        lesson.save_revision().publish()
        self.assertContains(self.client.get(self.lesson.url), "A brand new title")

    def test_publishing_a_neighbour_changes_the_pages_that_show_it(self):
        self.assertIn(self.tree.lessons[1].title, self.stored(self.lesson.url))
        neighbour = LessonPage.objects.get(pk=self.tree.lessons[1].pk)
        neighbour.title = "The renamed next lesson"
        neighbour.save_revision().publish()
        self.assertContains(self.client.get(self.lesson.url), "The renamed next lesson")
        self.assertContains(self.client.get(self.tree.module.url), "The renamed next lesson")

    def test_unpublishing_removes_the_page_and_its_links(self):
        self.stored(self.tree.module.url)
        self.stored(self.tree.lessons[1].url)
        LessonPage.objects.get(pk=self.tree.lessons[1].pk).unpublish()
        self.assertNotContains(self.client.get(self.tree.module.url), self.tree.lessons[1].title)
        self.assertEqual(self.client.get(self.tree.lessons[1].url).status_code, 404)

    def test_moving_a_lesson_changes_the_order_shown(self):
        self.assertIn("Lesson 1 of 2", self.stored(self.lesson.url))
        second = LessonPage.objects.get(pk=self.tree.lessons[1].pk)
        second.move(LessonPage.objects.get(pk=self.lesson.pk), pos="left")
        self.assertContains(self.client.get(self.lesson.url), "Lesson 2 of 2")

    def test_deleting_a_page_forgets_it(self):
        self.stored(self.tree.lessons[1].url)
        LessonPage.objects.get(pk=self.tree.lessons[1].pk).delete()
        self.assertEqual(self.client.get(self.tree.lessons[1].url).status_code, 404)

    def test_a_new_translation_appears_in_the_language_menu(self):
        lesson = self.tree.lessons[1]
        alternate = '<link rel="alternate" hreflang="es"'
        self.assertNotIn(alternate, self.stored(lesson.url))
        spanish = lesson.copy_for_translation(
            Locale.objects.get(language_code="es"), copy_parents=True
        )
        spanish.save_revision().publish()
        self.assertContains(self.client.get(lesson.url), alternate)

    def test_saving_the_footer_shows_it_at_once(self):
        self.stored(self.lesson.url)
        SiteFooter.objects.create(locale=self.tree.home.locale, text="A brand new footer")
        self.assertContains(self.client.get(self.lesson.url), "A brand new footer")

    def test_saving_a_helpline_forgets_stored_pages(self):
        self.stored(reverse("helplines:help"))
        HelplineFactory()
        self.assertGreater(
            ServedFromCacheTests.count_queries(self, lambda: self.client.get("/en/help/")), 0
        )


class OwnPageTests(CacheTestCase):
    """Signed-in learners and visitors with progress never get a stored page."""

    def test_a_signed_in_learner_gets_their_own_progress_never_anothers(self):
        Client().get(self.lesson.url)  # stored for everyone
        bob = Client()
        bob.force_login(self.bob)
        bob.post(self.done_url)
        self.assertTrue(LessonCompletion.objects.filter(learner=self.bob).exists())
        bob_page = bob.get(self.lesson.url)
        self.assertContains(bob_page, "You have finished this lesson.")
        self.assertIn("private", bob_page["Cache-Control"])
        self.assertNotIn("public", bob_page["Cache-Control"])
        alice = Client()
        alice.force_login(self.alice)
        alice_page = alice.get(self.lesson.url).content.decode()
        self.assertIn("Mark as done", alice_page)
        self.assertNotIn("You have finished this lesson.", alice_page)
        for page in (alice_page, Client().get(self.lesson.url).content.decode()):
            self.assertNotIn("Bobby Moon", page)
            self.assertNotIn("bob", page)
        anonymous = Client().get(self.lesson.url).content.decode()
        self.assertNotIn("You have finished this lesson.", anonymous)
        self.assertNotIn("Sign out", anonymous)

    def test_names_never_travel_through_the_cache(self):
        for user, other in ((self.alice, self.bob), (self.bob, self.alice)):
            client = Client()
            client.force_login(user)
            for url in [*self.page_urls(), reverse("courses:my_learning")]:
                html = client.get(url).content.decode()
                self.assertNotIn(other.display_name, html)
                self.assertNotIn(f">{other.username}<", html)

    def test_an_anonymous_visitor_with_progress_sees_it(self):
        Client().get(self.lesson.url)
        self.client.post(self.done_url, headers={"origin": "http://testserver"})
        response = self.client.get(self.lesson.url)
        self.assertContains(response, "You have finished this lesson.")
        self.assertIn("private", response["Cache-Control"])
        self.assertNotContains(Client().get(self.lesson.url), "You have finished this lesson.")


class FormsOnStoredPagesTests(CacheTestCase):
    """JavaScript on: the token is fetched first. Off: a fresh form to confirm."""

    def setUp(self):
        self.browser = Client(enforce_csrf_checks=True)

    def test_the_token_endpoint_sets_the_cookie_and_is_never_stored(self):
        response = self.browser.get(reverse("form_token"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("csrftoken", response.cookies)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(len(response.content), 64)

    def test_with_javascript_the_fetched_token_sends_the_quiz_and_mark_as_done(self):
        self.assertEqual(token_in(self.browser.get(self.lesson.url).content.decode()), "")
        token = self.browser.get(reverse("form_token")).content.decode()
        answered = self.browser.post(
            self.quiz_url,
            {**quiz_answers("check"), "csrfmiddlewaretoken": token},
            headers={"X-Requested-With": "fetch"},
        )
        self.assertContains(answered, "You got")
        self.assertEqual(len(self.browser.session["learning"]["attempts"]), 1)
        done = self.browser.post(self.done_url, {"csrfmiddlewaretoken": token})
        self.assertEqual(done.status_code, 302)
        lessons = self.browser.session["learning"]["lessons"]
        self.assertEqual(set(lessons), {str(self.lesson.translation_key)})

    def test_without_javascript_the_quiz_comes_back_ticked_to_confirm_then_counts(self):
        self.browser.get(self.lesson.url)
        answers = quiz_answers("check", {"q1": ["b"]})
        refused = self.browser.post(self.quiz_url, answers)
        self.assertEqual(refused.status_code, 403)
        self.assertContains(refused, "Your answers were not saved yet", status_code=403)
        self.assertEqual(QuizAttempt.objects.count(), 0)
        self.assertEqual(self.browser.session.get("learning"), None)
        html = refused.content.decode()
        self.assertIn('value="check-q1-b" checked', html)
        self.assertIn("no-store", refused.get("Cache-Control", "no-store"))
        token = token_in(html)
        self.assertTrue(token)
        sent = self.browser.post(self.quiz_url, {**answers, "csrfmiddlewaretoken": token})
        self.assertContains(sent, "You got")
        self.assertEqual(len(self.browser.session["learning"]["attempts"]), 1)

    def test_without_javascript_mark_as_done_asks_to_confirm_then_counts(self):
        refused = self.browser.post(self.done_url)
        self.assertContains(refused, "Mark this lesson as done?", status_code=403)
        self.assertIsNone(self.browser.session.get("learning"))
        token = token_in(refused.content.decode())
        done = self.browser.post(self.done_url, {"csrfmiddlewaretoken": token})
        self.assertEqual(done.status_code, 302)
        self.assertContains(self.browser.get(self.lesson.url), "You have finished this lesson.")

    def test_signed_in_learners_get_their_token_in_the_page_and_it_works(self):
        self.browser.force_login(self.alice)
        html = self.browser.get(self.lesson.url).content.decode()
        token = token_in(html)
        self.assertTrue(token)
        self.assertNotIn("data-form-token", html)
        self.browser.post(self.done_url, {"csrfmiddlewaretoken": token})
        self.assertTrue(LessonCompletion.objects.filter(learner=self.alice).exists())

    def test_a_forged_post_for_a_signed_in_learner_is_refused(self):
        self.browser.force_login(self.alice)
        token = token_in(self.browser.get(self.lesson.url).content.decode())
        forged = [
            ({}, {}),  # no token (another site cannot read it)
            ({"csrfmiddlewaretoken": token}, {"origin": FORGED_ORIGIN}),  # wrong Origin
            ({"csrfmiddlewaretoken": "x" * 64}, {}),  # a made-up token
        ]
        for extra, headers in forged:
            for url, data in ((self.quiz_url, quiz_answers("check")), (self.done_url, {})):
                with self.subTest(url=url, headers=headers, extra=bool(extra)):
                    response = self.browser.post(url, {**data, **extra}, headers=headers)
                    self.assertEqual(response.status_code, 403)
        self.assertFalse(QuizAttempt.objects.exists())
        self.assertFalse(LessonCompletion.objects.exists())

    def test_a_forged_in_place_quiz_post_gets_the_short_refusal(self):
        response = self.browser.post(
            self.quiz_url, quiz_answers("check"), headers={"X-Requested-With": "fetch"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(QuizAttempt.objects.exists())

    def test_the_csrf_middleware_is_still_on(self):
        from django.conf import settings

        self.assertIn("django.middleware.csrf.CsrfViewMiddleware", settings.MIDDLEWARE)
        # The sign-out form (any view without its own check) refuses a token-less post.
        self.browser.force_login(self.alice)
        self.assertEqual(self.browser.post(reverse("accounts:logout")).status_code, 403)

    def test_the_confirmation_shows_the_same_order_as_the_stored_page(self):
        def order(html):
            form = re.search(r'<form class="quiz__form".*?</form>', html, re.S).group(0)
            return re.findall(r'value="(check-q\d-\w)"', form)

        stored = order(self.browser.get(self.lesson.url).content.decode())
        confirm = order(self.browser.post(self.quiz_url, quiz_answers("check")).content.decode())
        self.assertEqual(stored, confirm)


@override_settings(ANONYMOUS_PAGE_LOCAL_SECONDS=60)
class RecentCopiesTests(CacheTestCase):
    """Each process's own short-lived copies: no round trip, and forgotten on publish."""

    def tearDown(self):
        page_cache._recent.clear()

    def test_a_recent_copy_is_served_without_asking_the_shared_cache(self):
        first = self.client.get(self.lesson.url)
        cache.clear()  # as if the shared cache were far away or busy
        with self.assertNumQueries(0):
            again = self.client.get(self.lesson.url)
        self.assertEqual(again.content, first.content)

    def test_publishing_here_forgets_the_recent_copies_at_once(self):
        self.client.get(self.lesson.url)
        lesson = LessonPage.objects.get(pk=self.lesson.pk)
        lesson.title = "Renamed while a copy was recent"
        lesson.save_revision().publish()
        self.assertContains(self.client.get(self.lesson.url), "Renamed while a copy was recent")


class CacheDownTests(CacheTestCase):
    """A cache that does not answer costs speed, never the site."""

    def test_pages_are_rendered_when_the_cache_is_down(self):
        from unittest import mock

        down = mock.Mock(
            **{
                f"{name}.side_effect": ConnectionError("down")
                for name in ("get", "get_many", "set", "add")
            }
        )
        with mock.patch.object(page_cache, "cache", down):
            response = Client().get(self.lesson.url)
            self.assertEqual(response.status_code, 200)
            self.assertIn("private", response["Cache-Control"])
            self.lesson.save_revision().publish()  # publishing still works

    def test_only_pages_under_a_language_go_through_the_cache(self):
        from unittest import mock

        with mock.patch.object(page_cache, "cache", mock.Mock(side_effect=AssertionError)) as asked:
            for url in ("/health/live", "/admin/login/", "/form-token/", "/sw.js"):
                with self.subTest(url=url):
                    self.assertLess(Client().get(url).status_code, 500)
        self.assertEqual(asked.mock_calls, [])
