"""Interactive activities in lessons: the block, its player loaded only where placed, and
results recorded as self-reported attempts in the learner's progress."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale

from courses.blocks import LessonStreamBlock
from courses.factories import build_course_tree
from courses.models import LessonCompletion, QuizAttempt
from courses.models.progress import AttemptKind, CompletionSource
from h5p import results
from h5p.factories import install_activity

User = get_user_model()
BLOCK_ID = "play-1"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def place_activity(lesson, activity, counts=True, pass_mark=70, block_id=BLOCK_ID):
    body = [*lesson.body.raw_data]
    body.append(
        {
            "type": "interactive_activity",
            "value": {
                "title": "",
                "activity": activity.pk,
                "counts_towards_completion": counts,
                "pass_mark": pass_mark,
            },
            "id": block_id,
        }
    )
    lesson.body = body
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


@pytest.fixture
def course(db):
    tree = build_course_tree(lesson_count=2, translate_to=("ar",))
    activity = install_activity()
    lesson = place_activity(tree.lessons[0], activity)
    arabic = place_activity(
        tree.lessons[0].get_translation(Locale.objects.get(language_code="ar")), activity
    )
    tree.activity, tree.lesson, tree.arabic = activity, lesson, arabic
    return tree


def post_result(client, lesson, score, maximum, block_id=BLOCK_ID, language="en", **extra):
    return client.post(
        f"/{language}/learn/activities/{lesson.pk}/{block_id}/",
        json.dumps({"score": score, "max": maximum}),
        content_type="application/json",
        **extra,
    )


def signed_in(username="learner"):
    client = Client()
    client.force_login(User.objects.create_user(username, password="pw-learner-1"))
    return client


# The block and the player


def test_lessons_offer_the_interactive_activity_block_without_courses_importing_h5p():
    block = LessonStreamBlock().child_blocks["interactive_activity"]
    assert type(block).__module__ == "h5p.blocks"
    assert list(block.child_blocks) == [
        "title",
        "activity",
        "counts_towards_completion",
        "texts",
        "pass_mark",
    ]


def test_a_lesson_with_an_activity_frames_its_player_once_in_view(client, course):
    page = client.get(course.lesson.url).content.decode()
    assert "data-h5p-activity" in page
    player = f"/h5p/play/{course.activity.pk}/?lesson={course.lesson.pk}&amp;block={BLOCK_ID}"
    assert f'data-player-src="{player}"' in page
    assert f'data-result-url="/en/learn/activities/{course.lesson.pk}/{BLOCK_ID}/"' in page
    assert "/static/h5p/activity.js" in page
    # The iframe is made by the script when the block scrolls into view, not in the HTML.
    assert "<iframe" not in page


def test_without_javascript_the_block_says_so_in_the_page_language(client, course):
    english = client.get(course.lesson.url).content.decode()
    assert "<noscript>" in english and "This activity needs JavaScript" in english
    arabic = client.get(course.arabic.url).content.decode()
    assert "<noscript>" in arabic and "This activity needs JavaScript" not in arabic
    assert "جافاسكريبت" in arabic


def test_a_lesson_without_an_activity_loads_nothing_of_the_player(client, course):
    page = client.get(course.lessons[1].url).content.decode()
    assert "h5p" not in page.lower()


def test_the_player_can_be_served_from_another_origin(client, course, settings):
    settings.H5P_PLAYER_ORIGIN = "https://player.example.org"
    settings.LEARNER_FRAME_SOURCES = [settings.H5P_PLAYER_ORIGIN]
    response = client.get(course.lesson.url)
    page = response.content.decode()
    assert f'data-player-src="https://player.example.org/h5p/play/{course.activity.pk}/?' in page
    assert "frame-src 'self' https://player.example.org;" in response["Content-Security-Policy"]


# Results


def test_a_result_is_recorded_as_a_self_reported_attempt_of_the_block(course):
    client = signed_in()
    response = post_result(client, course.lesson, 4, 5)
    assert response.status_code == 200
    assert response.json()["lesson_done"] is True
    attempt = QuizAttempt.objects.get()
    assert (attempt.kind, attempt.quiz_id) == (AttemptKind.ACTIVITY, BLOCK_ID)
    assert attempt.page_key == course.lesson.translation_key
    assert attempt.module_key == course.module.translation_key
    assert (attempt.score, attempt.max_score, attempt.percent) == (4, 5, 80)
    assert attempt.passed and attempt.self_reported
    completion = LessonCompletion.objects.get()
    assert completion.source == CompletionSource.ACTIVITY_PASSED


def test_scores_are_clamped_to_zero_and_the_maximum(course):
    client = signed_in()
    post_result(client, course.lesson, 99, 5)
    post_result(client, course.lesson, -3, 5)
    post_result(client, course.lesson, 2.6, 4.2)
    scores = sorted(QuizAttempt.objects.values_list("score", "max_score"))
    assert scores == [(0, 5), (3, 4), (5, 5)]


def test_a_result_below_the_pass_mark_does_not_finish_the_lesson(course):
    client = signed_in()
    response = post_result(client, course.lesson, 1, 2)
    assert response.json()["lesson_done"] is False
    assert not QuizAttempt.objects.get().passed
    assert not LessonCompletion.objects.exists()


def test_an_activity_that_does_not_count_never_finishes_the_lesson(course):
    place_activity(course.lesson, course.activity, counts=False, block_id="practice")
    client = signed_in()
    post_result(client, course.lesson, 5, 5, block_id="practice")
    assert QuizAttempt.objects.get().passed
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[1, 2]",
        '{"score": 1}',
        '{"score": "1", "max": 2}',
        '{"score": true, "max": 2}',
        '{"score": 1, "max": 0}',
        '{"score": 1, "max": 100000}',
        '{"score": NaN, "max": 2}',
        json.dumps({"score": 1, "max": 2, "padding": "x" * 2000}),
    ],
)
def test_a_result_that_is_not_a_score_is_refused_with_a_message(course, body):
    client = signed_in()
    response = client.post(
        f"/fr/learn/activities/{course.lesson.pk}/{BLOCK_ID}/",
        body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["message"]
    assert "score" not in response.json()["message"]  # in French
    assert not QuizAttempt.objects.exists()


def test_results_need_the_learners_csrf_token(course):
    client = Client(enforce_csrf_checks=True)
    assert post_result(client, course.lesson, 1, 1).status_code == 403
    html = client.get(course.lesson.url).content.decode()
    # A visitor's lesson may come from the shared cache, with no token in it: the page
    # names where activity.js fetches this browser's token (cms.page_cache).
    token_url = re.search(r'data-form-token="([^"]+)"', html).group(1)
    token = client.get(token_url).content.decode()
    response = post_result(client, course.lesson, 1, 1, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_results_for_content_the_learner_cannot_see_are_refused(course):
    client = signed_in()
    assert post_result(client, course.lesson, 1, 1, block_id="nothing").status_code == 404
    assert post_result(client, course.lessons[1], 1, 1).status_code == 404
    course.lesson.unpublish()
    assert post_result(client, course.lesson, 1, 1).status_code == 404
    assert not QuizAttempt.objects.exists()


def test_results_are_rate_limited(course):
    client = signed_in()
    for _ in range(results.RESULTS_PER_WINDOW):
        assert post_result(client, course.lesson, 1, 1).status_code == 200
    response = post_result(client, course.lesson, 1, 1)
    assert response.status_code == 429
    assert response.json()["message"]
    assert QuizAttempt.objects.count() == results.RESULTS_PER_WINDOW


def test_a_result_in_arabic_shows_in_english_and_on_the_module_page(course):
    client = signed_in()
    assert post_result(client, course.arabic, 3, 3, language="ar").status_code == 200
    attempt = QuizAttempt.objects.get()
    assert attempt.page_key == course.lesson.translation_key
    my_learning = client.get("/en/my-learning/").content.decode()
    assert "Interactive activity" in my_learning and "100%" in my_learning
    assert course.lesson.title in my_learning
    module = client.get(course.module.url).content.decode()
    assert "Interactive activity" in module


def test_a_visitors_result_moves_into_their_account_on_sign_in(course):
    client = Client()
    assert post_result(client, course.lesson, 2, 2).status_code == 200
    assert not QuizAttempt.objects.exists()
    User.objects.create_user("newcomer", password="pw-newcomer-1")
    assert client.login(username="newcomer", password="pw-newcomer-1")
    attempt = QuizAttempt.objects.get()
    assert attempt.self_reported and attempt.kind == AttemptKind.ACTIVITY
    assert LessonCompletion.objects.filter(learner=attempt.learner).exists()
