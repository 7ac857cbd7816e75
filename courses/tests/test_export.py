"""The learner's records are part of their data export."""

import json

from django.contrib.auth import get_user_model
from django.test import TestCase

from accounts.signals import personal_data_requested
from courses.factories import build_course_tree, quiz_answers
from courses.models import Certificate

User = get_user_model()


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=1, quizzes=True)
        cls.user = User.objects.create_user("learner", password="x")
        cls.other = User.objects.create_user("other", password="x")

    def export(self, user):
        responses = personal_data_requested.send(sender=User, user=user)
        return dict(response for _receiver, response in responses)

    def test_export_holds_every_record_and_is_json(self):
        self.client.force_login(self.user)
        self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
        self.client.post(f"/en/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final"))
        self.client.get(self.tree.lessons[0].url)
        data = json.loads(json.dumps(self.export(self.user)["learning"]))
        self.assertEqual(
            [row["lesson_key"] for row in data["last_lesson_opened"]],
            [str(self.tree.lessons[0].translation_key)],
        )
        self.assertEqual(len(data["lessons_completed"]), 1)
        self.assertEqual(
            data["lessons_completed"][0]["lesson_key"], str(self.tree.lessons[0].translation_key)
        )
        attempt = data["quiz_attempts"][0]
        self.assertEqual((attempt["score"], attempt["max_score"], attempt["passed"]), (3, 3, True))
        self.assertEqual(attempt["answers"]["final-q2"], ["final-q2-a", "final-q2-c"])
        self.assertEqual(len(data["modules_completed"]), 1)
        self.assertEqual(len(data["paths_completed"]), 1)
        self.assertEqual(len(data["certificates"]), 2)

    def test_export_holds_nobody_elses_records(self):
        self.client.force_login(self.other)
        self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
        data = self.export(self.user)["learning"]
        self.assertEqual(data["lessons_completed"], [])
        self.assertEqual(data["quiz_attempts"], [])

    def test_download_holds_only_the_requesters_learning_when_both_have_finished(self):
        for learner in (self.other, self.user):
            self.client.force_login(learner)
            self.client.post(f"/en/learn/lessons/{self.tree.lessons[0].pk}/done/")
            self.client.post(
                f"/en/learn/quizzes/{self.tree.module.pk}/final/", quiz_answers("final")
            )
        others = list(Certificate.objects.filter(learner=self.other).values_list("code", flat=True))
        mine = set(Certificate.objects.filter(learner=self.user).values_list("code", flat=True))
        self.assertEqual((len(others), len(mine)), (2, 2))

        body = self.client.get("/en/account/data/?user=other").content.decode()
        data = json.loads(body)
        self.assertEqual(data["account"]["username"], "learner")
        learning = data["learning"]
        self.assertEqual({c["code"] for c in learning["certificates"]}, mine)
        for code in others:
            self.assertNotIn(code, body)
        self.assertEqual(len(learning["lessons_completed"]), 1)
        self.assertEqual(len(learning["quiz_attempts"]), 1)
        self.assertEqual(len(learning["modules_completed"]), 1)
        self.assertEqual(len(learning["paths_completed"]), 1)
