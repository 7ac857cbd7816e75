"""The load test's visitors (locust): anonymous readers in six languages, a class of 30
pupils and their teacher. bench/loadtest.py starts the stack and runs this file; it
reads the accounts and addresses from the JSON file named by LOADTEST_DATA.

- Anonymous visitors open audience, path, module and lesson pages in the six languages.
- Each pupil signs in once (the 30 within the first minute, at the spawn rate), opens
  the module assigned to the class and its lessons, answers the lessons' quizzes and
  marks lessons done.
- The teacher signs in and refreshes the class report now and then.

Requests are named by kind, so the summary gives throughput and percentiles per kind.
"""

import itertools
import json
import os
import secrets
from html.parser import HTMLParser

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ["LOADTEST_DATA"], encoding="utf-8").read())  # noqa: SIM115
PUPILS = itertools.cycle(DATA["pupils"])


class Forms(HTMLParser):
    """The page's forms: [{"action": ..., "fields": {name: [values]}}], and its links."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.links = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["fields"].setdefault(attrs["name"], []).append(attrs.get("value", ""))
        elif tag == "a" and attrs.get("href", "").startswith("/"):
            self.links.append(attrs["href"])


def form_data(form):
    """What a learner sends: hidden fields as they are, one choice per question."""
    return {name: secrets.choice(values) for name, values in form["fields"].items()}


class SignedIn(HttpUser):
    abstract = True

    def sign_in(self, username, password):
        page = self.client.get(DATA["login_url"], name="sign-in page")
        token = Forms(page.text).forms[0]["fields"]["csrfmiddlewaretoken"][0]
        with self.client.post(
            DATA["login_url"],
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
            name="sign-in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered {response.status_code}")

    def post_form(self, page_html, action_part, name):
        # A pre-test is offered once, before anything else: not something to repeat.
        forms = [
            f
            for f in Forms(page_html).forms
            if action_part in f["action"] and f["fields"].get("mode") != ["pre_test"]
        ]
        if not forms:
            return None
        form = secrets.choice(forms)
        return self.client.post(form["action"], form_data(form), name=name)


class AnonymousVisitor(HttpUser):
    weight = 1
    wait_time = between(1, 4)

    @task
    def read(self):
        language = secrets.choice(list(DATA["pages"]))
        self.client.get(
            secrets.choice(DATA["pages"][language]), name=f"anonymous page ({language})"
        )


class Pupil(SignedIn):
    fixed_count = 30
    wait_time = between(2, 6)

    def on_start(self):
        username, password = next(PUPILS)
        self.sign_in(username, password)
        assigned = self.client.get(DATA["assigned_url"], name="assigned work")
        modules = [link for link in Forms(assigned.text).links if link in DATA["modules"]]
        self.module = modules[0] if modules else DATA["modules"][0]
        self.lessons = []

    @task(3)
    def open_module_and_a_lesson(self):
        module = self.client.get(self.module, name="assigned module")
        self.module_page = module
        self.lessons = [
            link
            for link in Forms(module.text).links
            if link.startswith(self.module) and link != self.module
        ] or self.lessons
        if self.lessons:
            self.lesson = self.client.get(secrets.choice(self.lessons), name="lesson")

    @task(2)
    def answer_a_quiz(self):
        """A knowledge check in the lesson if it has one, else the module's final quiz."""
        for page in (getattr(self, "lesson", None), getattr(self, "module_page", None)):
            if page is not None and self.post_form(page.text, "/learn/quizzes/", "quiz submission"):
                return

    @task(1)
    def mark_done(self):
        lesson = getattr(self, "lesson", None)
        if lesson is not None:
            self.post_form(lesson.text, "/done/", "mark as done")


class Teacher(SignedIn):
    fixed_count = 1
    wait_time = between(5, 10)

    def on_start(self):
        self.sign_in(DATA["teacher"]["username"], DATA["teacher"]["password"])

    @task
    def refresh_report(self):
        self.client.get(DATA["report_url"], name="class report")
