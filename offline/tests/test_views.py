"""The web app manifest, the service worker, the offline page and the save lists."""

import json

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from courses.factories import LessonPageFactory, ModulePageFactory, build_course_tree
from helplines.factories import ReportingGuidancePageFactory

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def learner():
    return get_user_model().objects.create_user(username="learner", password="a-long-passphrase")


def localized(page, code):
    return page.get_translations(inclusive=True).get(locale__language_code=code).specific


class ManifestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_course_tree(lesson_count=1, translate_to=["ar"])

    def test_each_language_has_its_own_manifest_name_start_page_and_direction(self):
        names = set()
        for code in LANGUAGES:
            response = self.client.get(f"/{code}/offline/manifest.webmanifest")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response["Content-Type"], "application/manifest+json")
            manifest = json.loads(response.content)
            self.assertEqual(manifest["start_url"], f"/{code}/")
            self.assertEqual(manifest["lang"], code)
            self.assertEqual(manifest["dir"], "rtl" if code == "ar" else "ltr")
            names.add(manifest["name"])
        self.assertEqual(len(names), 6)
        arabic = self.client.get("/ar/offline/manifest.webmanifest").json()
        self.assertIn("حماية الأطفال", arabic["name"])

    def test_manifest_icons_are_the_sites_own_files(self):
        manifest = self.client.get("/en/offline/manifest.webmanifest").json()
        for icon in manifest["icons"]:
            self.assertTrue(icon["src"].startswith("/static/offline/icons/"), icon)
            self.assertEqual(self.client.get(icon["src"]).status_code, 200)
        self.assertIn("512x512", {icon["sizes"] for icon in manifest["icons"]})

    def test_every_page_links_the_manifest_of_its_language_and_the_worker(self):
        response = self.client.get("/ar/")
        self.assertContains(
            response, '<link rel="manifest" href="/ar/offline/manifest.webmanifest">'
        )
        self.assertContains(response, 'data-worker="/sw.js"')
        self.assertContains(response, 'data-essentials="/ar/offline/essentials.json" defer')


class ServiceWorkerTests(TestCase):
    def test_worker_is_served_from_the_root_for_the_whole_site(self):
        response = self.client.get("/sw.js")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/javascript"))
        self.assertEqual(response["Service-Worker-Allowed"], "/")
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertContains(response, 'importScripts("/static/offline/js/store.js")')
        self.assertNotIn("sessionid", response.cookies)

    def test_worker_loads_nothing_from_another_origin(self):
        body = self.client.get("/sw.js").content.decode()
        store = self.client.get("/static/offline/js/store.js")
        text = body + b"".join(store.streaming_content).decode()
        self.assertNotIn("http://", text)
        self.assertNotIn("https://", text)

    def test_worker_is_not_under_a_language(self):
        self.assertEqual(self.client.get("/en/sw.js").status_code, 404)


class OfflinePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_course_tree(lesson_count=1)
        cls.reporting = ReportingGuidancePageFactory(parent=tree.home, title="How to report")

    def test_offline_page_is_translated_in_six_languages(self):
        headings = set()
        for code in LANGUAGES:
            response = self.client.get(f"/{code}/offline/")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, f'<html lang="{code}"')
            headings.add(response.content.decode().split("<h1>")[1].split("</h1>")[0])
        self.assertEqual(len(headings), 6)

    def test_essentials_are_the_offline_page_and_help_pages_of_the_language(self):
        essentials = self.client.get("/fr/offline/essentials.json").json()
        self.assertEqual(essentials["language"], "fr")
        self.assertEqual(essentials["pages"][:2], ["/fr/offline/", "/fr/help/"])
        # No French reporting page yet: the English one stands in (as Get help links it).
        self.assertEqual(essentials["pages"][2], self.reporting.url)
        self.assertIn("no-cache", self.client.get("/fr/offline/essentials.json")["Cache-Control"])


class SavedFilesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_course_tree(lesson_count=2, translate_to=["ar"], module_count=2)
        cls.hidden_module = ModulePageFactory(parent=cls.tree.path, title="Draft", live=False)
        cls.private_module = ModulePageFactory(parent=cls.tree.path, title="Members only")
        cls.private_lesson = LessonPageFactory(parent=cls.private_module, title="Secret lesson")
        PageViewRestriction.objects.create(
            page=cls.private_module, restriction_type=PageViewRestriction.LOGIN
        )

    def files(self, page, code=None, **kwargs):
        code = code or page.locale.language_code
        return self.client.get(f"/{code}/offline/save/{page.pk}.json", **kwargs)

    def test_module_lists_its_page_lessons_and_the_files_they_use_with_sizes(self):
        module = localized(self.tree.module, "ar")
        response = self.files(module)
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        data = response.json()
        urls = [item["url"] for item in data["files"]]
        lessons = [localized(lesson, "ar").url for lesson in self.tree.lessons]
        self.assertEqual(urls[:3], [module.url, *lessons])
        self.assertTrue(all(url.startswith("/ar/") for url in urls[:3]))
        for asset in [
            "/static/cms/css/site.css",
            "/static/courses/css/learn.css",
            "/static/offline/js/register.js",
            "/static/courses/img/icons.svg",
        ]:
            self.assertIn(asset, urls)
        self.assertTrue(all(item["bytes"] > 0 for item in data["files"]), data["files"])
        self.assertEqual(data["total_bytes"], sum(item["bytes"] for item in data["files"]))
        self.assertEqual(data["language"], "ar")
        self.assertEqual(data["key"], f"{module.translation_key}-ar")
        self.assertEqual(data["manifest_url"], f"/ar/offline/save/{module.pk}.json")

    def test_path_lists_only_modules_this_learner_may_see(self):
        urls = [item["url"] for item in self.files(self.tree.path).json()["files"]]
        for module in self.tree.modules:
            self.assertIn(module.url, urls)
        self.assertNotIn(self.hidden_module.url, urls)
        self.assertNotIn(self.private_module.url, urls)
        self.assertNotIn(self.private_lesson.url, urls)

        self.client.force_login(learner())
        urls = [item["url"] for item in self.files(self.tree.path).json()["files"]]
        self.assertIn(self.private_lesson.url, urls)
        self.assertNotIn(self.hidden_module.url, urls)

    def test_pages_that_cannot_be_saved_answer_404(self):
        self.assertEqual(self.files(self.hidden_module).status_code, 404)
        self.assertEqual(self.files(self.private_module).status_code, 404)
        self.assertEqual(self.files(self.tree.lessons[0]).status_code, 404)
        self.assertEqual(self.files(self.tree.home).status_code, 404)
        # A page is saved under its own language's URLs only.
        self.assertEqual(self.files(self.tree.module, code="ar").status_code, 404)
        self.client.get("/en/offline/save/999999.json")
        self.assertEqual(self.client.get("/en/offline/save/999999.json").status_code, 404)

    def test_version_changes_when_a_lesson_is_republished(self):
        module = localized(self.tree.module, "ar")
        before = self.files(module).json()["version"]
        self.assertEqual(self.files(module).json()["version"], before)
        lesson = localized(self.tree.lessons[1], "ar")
        lesson.title = "درس جديد"
        revision = lesson.save_revision()
        revision.publish(changed=True)
        lesson.refresh_from_db()
        self.assertGreater(lesson.last_published_at, timezone.now() - timezone.timedelta(minutes=1))
        after = self.files(module).json()
        self.assertNotEqual(after["version"], before)
        self.assertIn("درس جديد", [page["title"] for page in after["pages"]])

    def test_asking_for_the_list_does_not_count_as_opening_a_lesson(self):
        self.client.force_login(learner())
        self.files(self.tree.module)
        response = self.client.get("/en/my-learning/")
        self.assertNotContains(response, self.tree.lessons[0].title)

    def test_save_box_shows_on_path_and_module_pages_only_in_their_own_language(self):
        for page in [self.tree.path, self.tree.module, localized(self.tree.module, "ar")]:
            response = self.client.get(page.url)
            self.assertContains(response, "data-offline-save hidden")
            self.assertContains(
                response, f'data-files="/{page.locale.language_code}/offline/save/{page.pk}.json"'
            )
        self.assertNotContains(self.client.get(self.tree.lessons[0].url), "data-offline-save")
        # A French visitor reads the English module (no translation): nothing to save.
        self.assertNotContains(
            self.client.get(self.tree.module.url.replace("/en/", "/fr/", 1)), "data-offline-save"
        )
