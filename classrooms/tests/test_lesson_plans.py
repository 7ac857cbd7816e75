"""Printable lesson plans: built from the module, in the right language, for educators only."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from accounts.factories import ChildFactory
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.lesson_plan import (
    MIN_LESSON_MINUTES,
    build_lesson_plan,
    reading_minutes,
    word_count,
)
from classrooms.models import Assignment
from courses.factories import LessonPageFactory, build_course_tree
from courses.models import ModulePage

pytestmark = pytest.mark.django_db


def plan_url(module, school_class=None):
    if school_class is None:
        return reverse("classrooms:lesson_plan", args=[module.translation_key])
    return reverse("classrooms:class_lesson_plan", args=[school_class.pk, module.translation_key])


def article(response):
    """The plan's <article> opening tag."""
    return re.search(r"<article class=\"lesson-plan\"[^>]*>", response.content.decode()).group(0)


def test_plan_is_built_from_the_modules_lessons_takeaways_starters_and_quiz(client):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    LessonPageFactory(parent=tree.module)  # with key takeaways and a conversation starter
    client.force_login(EducatorFactory())
    response = client.get(plan_url(tree.module))
    assert response.status_code == 200
    page = response.content.decode()
    assert tree.module.title in page
    assert "Say what is private." in page  # the objective
    for lesson in tree.module.get_children():
        assert lesson.title in page
    # Defaults: the discussion comes from the conversation starter, the handout from the
    # key takeaways, and the activity is the general one.
    assert "What is private?" in page
    assert "conversation starters" in page
    assert "Keep passwords secret." in page
    assert "In small groups:" in page
    # The final quiz is the check, its correct answers marked for the educator.
    assert "Which of these is private information?" in page
    assert re.search(r'class="is-correct"><span>Your home address</span> <strong>', page)


def test_timing_adds_up_from_the_lessons_activity_discussion_and_quiz():
    tree = build_course_tree(lesson_count=2, quizzes=True)
    plan = build_lesson_plan(tree.module)
    kinds = [step.kind for step in plan.steps]
    assert kinds == ["introduction", "lesson", "lesson", "activity", "discussion", "check"]
    # Short lessons still get a few minutes each; 5 + 3 + 3 + 15 + 10 + 5.
    assert [step.minutes for step in plan.steps if step.kind == "lesson"] == [3, 3]
    assert plan.total_minutes == 41


def test_reading_time_grows_with_the_lesson_and_counts_chinese_characters():
    assert word_count("one two three") == 3
    assert word_count("保护儿童") == 2
    long_lesson = LessonPageFactory.build(body=[("paragraph", "<p>" + "word " * 600 + "</p>")])
    assert reading_minutes(long_lesson) == 5
    short_lesson = LessonPageFactory.build(body=[("paragraph", "<p>Hello</p>")])
    assert reading_minutes(short_lesson) == MIN_LESSON_MINUTES


def test_editor_fields_replace_the_defaults_and_set_the_class_time(client):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    module = tree.module
    module.class_minutes = 60
    module.class_activity = "<p>Make a poster of safe passwords.</p>"
    module.discussion_questions = [("question", "Why keep a password secret?")]
    module.handout = "<p>Three rules for passwords.</p>"
    module.save_revision().publish()
    client.force_login(EducatorFactory())
    page = client.get(plan_url(module)).content.decode()
    assert "Make a poster of safe passwords." in page
    assert "Why keep a password secret?" in page
    assert "Three rules for passwords." in page
    assert "In small groups:" not in page
    assert "What is private?" not in page  # the lessons' starter gives way
    plan = build_lesson_plan(ModulePage.objects.get(pk=module.pk))
    assert plan.total_minutes == 60  # the activity takes what the rest leaves


def test_plan_from_a_class_is_in_the_class_language_french(client):
    tree = build_course_tree(lesson_count=1, quizzes=True, translate_to=("fr",))
    educator = EducatorFactory()
    school_class = class_taught_by(educator, language="fr")
    client.force_login(educator)
    response = client.get(plan_url(tree.module, school_class))
    assert 'lang="fr" dir="ltr"' in article(response)
    page = response.content.decode()
    assert f"{tree.module.title} [fr]" in page
    assert "Plan de séance" in page
    assert "Objectifs d'apprentissage" in page
    # The page around the plan stays in the educator's language.
    assert '<html lang="en" dir="ltr">' in page


def test_plan_in_arabic_is_right_to_left(client):
    tree = build_course_tree(lesson_count=1, quizzes=True, translate_to=("ar",))
    client.force_login(EducatorFactory())
    response = client.get("/ar" + plan_url(tree.module).removeprefix("/en"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert 'lang="ar" dir="rtl"' in article(response)
    assert "خطة الدرس" in page
    assert f"{tree.module.title} [ar]" in page


def test_untranslated_module_is_shown_in_the_source_language_and_marked(client):
    tree = build_course_tree(lesson_count=1, quizzes=True)
    educator = EducatorFactory()
    school_class = class_taught_by(educator, language="ar")
    client.force_login(educator)
    response = client.get(plan_url(tree.module, school_class))
    assert 'lang="ar" dir="rtl"' in article(response)
    assert f'<h1 lang="en" dir="ltr">{tree.module.title}</h1>' in response.content.decode()


def test_only_educators_open_plans_and_only_of_their_own_classes(client):
    tree = build_course_tree(lesson_count=1)
    school_class = class_taught_by(EducatorFactory())
    pupil = add_pupil(school_class, ChildFactory())
    client.force_login(pupil)
    assert client.get(plan_url(tree.module)).status_code == 403
    assert client.get(plan_url(tree.module, school_class)).status_code == 403
    client.force_login(EducatorFactory())
    assert client.get(plan_url(tree.module)).status_code == 200
    assert client.get(plan_url(tree.module, school_class)).status_code == 404
    unknown = reverse("classrooms:lesson_plan", args=[tree.path.translation_key])
    assert client.get(unknown).status_code == 404  # a path is not a module


def test_print_stylesheet_makes_an_a4_page_and_puts_the_handout_on_its_own(client):
    tree = build_course_tree(lesson_count=1)
    client.force_login(EducatorFactory())
    page = client.get(plan_url(tree.module)).content.decode()
    assert "classrooms/css/lesson_plan.css" in page
    assert "lesson-plan__handout" in page
    css = Path(finders.find("classrooms/css/lesson_plan.css")).read_text(encoding="utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    handout_rule = re.search(r"@media print.*\.lesson-plan__handout\s*{([^}]*)}", css, re.S)
    assert "break-before: page" in handout_rule.group(1)
    site_css = Path(finders.find("cms/css/site.css")).read_text(encoding="utf-8")
    assert re.search(r"@media print\s*{\s*\.site-header, \.site-footer", site_css)


def test_assign_page_and_report_link_to_the_class_lesson_plans(client):
    tree = build_course_tree(lesson_count=1, module_count=2)
    educator = EducatorFactory()
    school_class = class_taught_by(educator)
    Assignment.objects.create(
        school_class=school_class,
        kind=Assignment.Kind.MODULE,
        content_key=tree.modules[0].translation_key,
    )
    client.force_login(educator)
    assign = client.get(reverse("classrooms:assign", args=[school_class.pk])).content.decode()
    for module in tree.modules:
        assert f'href="{plan_url(module, school_class)}"' in assign
    report = client.get(reverse("classrooms:report", args=[school_class.pk])).content.decode()
    assert f'href="{plan_url(tree.modules[0], school_class)}"' in report


def test_module_editors_get_a_lesson_plan_tab(admin_client):
    tree = build_course_tree(lesson_count=1)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree.module.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lesson plan" in page
    assert 'name="class_activity"' in page
