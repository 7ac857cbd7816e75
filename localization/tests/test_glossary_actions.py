"""Every glossary action, not only editing, follows the per-language rule."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Revision

from courses.factories import build_course_tree
from localization.factories import GlossaryTermFactory, make_user, start_translation
from localization.models import GlossaryTerm
from localization.permissions import url_action
from localization.roles import REVIEWER, TRANSLATOR, setup_roles

LANGUAGES = ["ar", "fr"]
# Values for the URL arguments other than the entry itself. The language check comes
# before any of them is looked up; for the French entry they are real where it matters.
EXTRA_ARGUMENTS = {
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
    "action_name": "approve",
    "task_state_id": 1,
    "workflow_state_id": 1,
    "task_id": 1,
}
# What a French reviewer may open on the French entry (the other URLs need rights a
# reviewer does not have, such as deleting or copying, or objects that do not exist).
REVIEWER_OPENS = {
    "edit",
    "history",
    "history_results",
    "usage",
    "unpublish",
    "revisions_compare",
}


def snapshot(term):
    term = GlossaryTerm.objects.get(pk=term.pk)
    return (
        term.term,
        term.definition,
        term.live,
        term.has_unpublished_changes,
        Revision.objects.for_instance(term).count(),
    )


class GlossaryActionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_course_tree(lesson_count=1, translate_to=LANGUAGES)
        setup_roles()
        cls.reviewer = make_user("reviewer-fr", REVIEWER, "fr")
        cls.translator = make_user("translator-fr", TRANSLATOR, "fr")
        cls.admin = make_user("admin", is_superuser=True)
        term = GlossaryTermFactory(term="grooming")
        term.save_revision().publish()
        cls.terms = {"en": term} | {
            language: start_translation(term, language).get_target_instance()
            for language in LANGUAGES
        }

    @property
    def viewset(self):
        return GlossaryTerm.snippet_viewset

    def object_urls(self, term):
        """(name, url) for every URL of the glossary viewset that names one entry."""
        urls = []
        for pattern in self.viewset.get_urlpatterns():
            arguments = set(pattern.pattern.regex.groupindex)
            if "pk" not in arguments:
                continue
            kwargs = {name: EXTRA_ARGUMENTS.get(name) for name in arguments - {"pk"}}
            if "revision_id" in arguments:
                kwargs["revision_id"] = term.latest_revision.pk
            kwargs["pk"] = term.pk
            url = reverse(self.viewset.get_url_name(pattern.name), kwargs=kwargs)
            urls.append((pattern.name, url))
        return urls

    def test_the_action_list_covers_every_object_action_of_the_viewset(self):
        names = {name for name, _url in self.object_urls(self.terms["fr"])}
        for expected in (
            "edit",
            "delete",
            "unpublish",
            "history",
            "usage",
            "revisions_compare",
            "revisions_revert",
            "revisions_unschedule",
            "copy",
        ):
            self.assertIn(expected, names)

    def test_french_reviewer_is_refused_every_action_on_english_and_arabic_entries(self):
        self.client.force_login(self.reviewer)
        for language in ("en", "ar"):
            term = self.terms[language]
            before = snapshot(term)
            for name, url in self.object_urls(term):
                for method in ("get", "post"):
                    response = getattr(self.client, method)(url)
                    with self.subTest(entry=language, action=name, method=method):
                        self.assertIn(response.status_code, (302, 403))
                        if response.status_code == 302:
                            self.assertNotIn(f"/{term.pk}/", response["Location"])
                        self.assertEqual(snapshot(term), before)
            self.assertTrue(GlossaryTerm.objects.filter(pk=term.pk, live=True).exists())

    def test_french_reviewer_works_on_the_french_entry(self):
        self.client.force_login(self.reviewer)
        term = self.terms["fr"]
        for name, url in self.object_urls(term):
            if name in REVIEWER_OPENS:
                with self.subTest(action=name):
                    self.assertEqual(self.client.get(url).status_code, 200)
        unpublish = reverse(self.viewset.get_url_name("unpublish"), args=[term.pk])
        self.client.post(unpublish)
        self.assertFalse(GlossaryTerm.objects.get(pk=term.pk).live)

    def test_french_translator_cannot_unpublish_even_the_french_entry(self):
        self.client.force_login(self.translator)
        term = self.terms["fr"]
        unpublish = reverse(self.viewset.get_url_name("unpublish"), args=[term.pk])
        self.assertIn(self.client.post(unpublish).status_code, (302, 403))
        self.assertTrue(GlossaryTerm.objects.get(pk=term.pk).live)

    def test_bulk_delete_refuses_entries_of_other_languages(self):
        self.client.force_login(self.reviewer)
        url = reverse("wagtail_bulk_action", args=["localization", "glossaryterm", "delete"])
        ids = "&".join(f"id={term.pk}" for term in self.terms.values())
        self.client.post(f"{url}?{ids}")
        self.assertEqual(GlossaryTerm.objects.count(), 3)

    def test_administrator_may_still_unpublish_any_entry(self):
        self.client.force_login(self.admin)
        term = self.terms["ar"]
        unpublish = reverse(self.viewset.get_url_name("unpublish"), args=[term.pk])
        self.client.post(unpublish)
        self.assertFalse(GlossaryTerm.objects.get(pk=term.pk).live)

    def test_policy_answers_per_language(self):
        policy = self.viewset.permission_policy
        for language, term in self.terms.items():
            with self.subTest(entry=language):
                own = language == "fr"
                self.assertIs(
                    policy.user_has_permission_for_instance(self.reviewer, "publish", term), own
                )
                self.assertIs(
                    policy.user_has_permission_for_instance(self.translator, "change", term), own
                )
                self.assertFalse(
                    policy.user_has_permission_for_instance(self.translator, "publish", term)
                )
        visible = policy.instances_user_has_any_permission_for(self.reviewer, ["change"])
        self.assertEqual(list(visible), [self.terms["fr"]])
        self.assertEqual(url_action("unpublish"), "publish")
