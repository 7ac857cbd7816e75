"""Learner activity reaches the administrator's LRS as pseudonymous xAPI statements."""

import base64
import datetime
import io
import json
import socket

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from courses.factories import build_course_tree, quiz_answers
from xapi.delivery import deliver_due
from xapi.models import LearningRecordStore, PendingStatement
from xapi.tests.lrs import RecordingLRS

User = get_user_model()
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


class StatementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, quizzes=True, translate_to=["ar"])
        cls.learner = User.objects.create_user(
            "amira-h", password="x", first_name="Amira", last_name="Haddad"
        )

    def setUp(self):
        self.lrs = RecordingLRS().__enter__()
        self.addCleanup(self.lrs.__exit__)

    def configure(self, endpoint=None, enabled=True):
        settings = LearningRecordStore.load()
        settings.enabled = enabled
        settings.endpoint = endpoint or self.lrs.endpoint
        settings.key, settings.secret = "cop-learn", "s3cret"
        settings.save()

    def learn(self, user=None):
        """Finish the module as a learner would: the lesson, then the final quiz."""
        self.client.force_login(user or self.learner)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/en/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final")
            )

    def test_nothing_is_recorded_or_sent_unless_an_administrator_switches_it_on(self):
        self.configure(enabled=False)
        self.learn()
        self.assertFalse(PendingStatement.objects.exists())
        self.assertEqual(self.lrs.received, [])

    def test_lesson_quiz_and_module_reach_the_lrs_as_statements(self):
        self.configure()
        self.learn()
        statements = self.lrs.statements()
        verbs = [(s["verb"]["id"], s["object"]["definition"]["type"]) for s in statements]
        self.assertEqual(
            verbs,
            [
                (COMPLETED, "http://adlnet.gov/expapi/activities/lesson"),
                (ANSWERED, "http://adlnet.gov/expapi/activities/assessment"),
                (COMPLETED, "http://adlnet.gov/expapi/activities/module"),
            ],
        )
        self.assertFalse(PendingStatement.objects.exists())
        lesson, quiz, module = statements
        key = str(self.tree.lessons[0].translation_key)
        self.assertTrue(lesson["object"]["id"].endswith(f"/xapi/activities/{key}"))
        self.assertEqual(lesson["object"]["definition"]["name"]["en"], self.tree.lessons[0].title)
        self.assertIn("ar", lesson["object"]["definition"]["name"])
        self.assertEqual(quiz["result"]["success"], True)
        self.assertEqual(quiz["result"]["score"]["raw"], quiz["result"]["score"]["max"])
        self.assertTrue(quiz["object"]["id"].endswith("/quizzes/final"))
        parent = module["context"]["contextActivities"]["parent"][0]
        self.assertTrue(parent["id"].endswith(str(self.tree.path.translation_key)))
        request = self.lrs.received[0]
        self.assertEqual(request["path"], "/xapi/statements")
        self.assertEqual(request["query"]["statementId"], [lesson["id"]])
        self.assertEqual(request["headers"]["x-experience-api-version"], "1.0.3")
        expected = base64.b64encode(b"cop-learn:s3cret").decode()
        self.assertEqual(request["headers"]["authorization"], f"Basic {expected}")

    def test_actors_are_pseudonymous_and_stable_per_learner(self):
        self.configure()
        self.learn()
        other = User.objects.create_user("other", password="x")
        self.learn(other)
        actors = [s["actor"] for s in self.lrs.statements()]
        self.assertEqual(len({json.dumps(a) for a in actors[:3]}), 1)
        self.assertNotEqual(actors[0], actors[3])
        self.assertEqual(set(actors[0]), {"objectType", "account"})
        text = json.dumps(self.lrs.statements(), ensure_ascii=False)
        for private in ("amira", "Amira", "Haddad"):
            self.assertNotIn(private, text)
        self.assertNotIn(actors[0]["account"]["name"], {str(self.learner.pk), "amira-h"})
        self.assertEqual(len(actors[0]["account"]["name"]), 32)

    def test_statements_wait_while_the_lrs_is_down_and_are_sent_when_it_is_back(self):
        self.configure()
        self.lrs.status = 503
        self.learn()
        self.assertEqual(self.lrs.received, [])
        waiting = list(PendingStatement.objects.order_by("pk"))
        self.assertEqual(len(waiting), 3)
        self.assertTrue(all(p.tries >= 1 and not p.given_up for p in waiting))
        self.assertTrue(all(p.next_try > timezone.now() for p in waiting))
        self.assertIn("503", waiting[0].last_error)

        self.lrs.status = 204
        out = io.StringIO()
        call_command("deliver_xapi_statements", stdout=out)  # not due yet
        self.assertEqual(self.lrs.received, [])
        later = timezone.now() + datetime.timedelta(hours=1)
        self.assertEqual(deliver_due(now=later), 3)
        self.assertEqual(len(self.lrs.received), 3)
        self.assertFalse(PendingStatement.objects.exists())

    def test_an_unreachable_lrs_postpones_delivery(self):
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            port = unused.getsockname()[1]
        self.configure(endpoint=f"http://127.0.0.1:{port}/xapi/")
        self.learn()
        self.assertEqual(PendingStatement.objects.filter(given_up=False).count(), 3)

    def test_a_statement_the_lrs_refuses_is_not_sent_again(self):
        self.configure()
        self.lrs.status = 400
        self.learn()
        self.assertEqual(PendingStatement.objects.filter(given_up=True).count(), 3)
        self.lrs.status = 204
        self.assertEqual(deliver_due(now=timezone.now() + datetime.timedelta(days=1)), 0)
        self.assertEqual(self.lrs.received, [])

    def test_a_statement_the_lrs_already_holds_counts_as_delivered(self):
        self.configure()
        self.lrs.status = 409
        self.learn()
        self.assertFalse(PendingStatement.objects.exists())


class LearningRecordStoreAdminTests(TestCase):
    def test_only_administrators_configure_the_lrs_in_the_wagtail_admin(self):
        url = "/admin/settings/xapi/learningrecordstore/"
        admin = User.objects.create_superuser("root", password="x", email="root@example.org")
        self.client.force_login(admin)
        response = self.client.get(url, follow=True)
        self.assertContains(response, "Learning Record Store")
        self.assertContains(response, 'type="password"')
        learner = User.objects.create_user("learner", password="x")
        self.client.force_login(learner)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/login/"))
