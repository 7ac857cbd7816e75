"""Who may open what: every URL of the site, for every role, with the answer expected.

The list of URLs is read from the URL configuration, so a new view fails
`test_every_url_of_ours_has_a_row` until a row below says who may use it, and a view
that forgets its check fails `test_every_role_gets_the_expected_answer`. Requests that
change data run inside a savepoint that is rolled back, so each role meets the same
objects. Wagtail's own admin views are checked more coarsely: no one without admin
access gets into any of them.
"""

import re
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User
from badges.keys import generate_key
from classrooms.factories import EducatorFactory, add_pupil, class_taught_by
from classrooms.models import Assignment, ClassEducator
from courses.factories import build_course_tree, lesson_body_with_quiz, scenario_data
from courses.models import Certificate
from h5p.factories import MAIN, install_activity
from h5p.factories import folder as library_folder
from localization.factories import make_user, start_translation
from localization.roles import REVIEWER, TRANSLATOR, setup_roles
from parent_links.models import ParentLink

OUR_APPS = (
    "accounts",
    "badges",
    "classrooms",
    "cms",
    "courses",
    "h5p",
    "health",
    "helplines",
    "indicators",
    "localization",
    "parent_links",
    "offline",
    "lti",
    "xapi",
)

ROLES = [
    "anonymous",
    "child",  # signed up on their own, in no class
    "pupil",  # account made by the class's educator
    "parent",  # linked to the pupil
    "other_parent",  # linked to no one
    "educator",  # owns the class
    "co_teacher",
    "other_educator",
    "translator_fr",
    "translator_ar",
    "reviewer_fr",
    "editor",
    "admin",
]
LEARNERS = ["child", "pupil", "parent", "other_parent"]
EDUCATORS = ["educator", "co_teacher", "other_educator"]
STAFF = ["translator_fr", "translator_ar", "reviewer_fr", "editor", "admin"]
SIGNED_IN = [role for role in ROLES if role != "anonymous"]

H5P_LIBRARY = library_folder(MAIN)
H5P_BLOCK_ID = "activity"

# Answers, as `answer()` names them.
OK, FOUND, LOGIN, ADMIN_LOGIN = "200", "302", "302 login", "302 admin login"
# Wagtail answers a refused admin request by sending the user to the dashboard.
ADMIN_REFUSED = "302 admin home"
FORBIDDEN, NOT_FOUND, NOT_ALLOWED, BAD, NO_CONTENT = "403", "404", "405", "400", "204"
UNAUTHORIZED = "401"


def expect(default, **roles):
    """One answer for every role, except the roles (or role groups) named."""
    answers = dict.fromkeys(ROLES, default)
    groups = {"learners": LEARNERS, "educators": EDUCATORS, "staff": STAFF}
    for name, value in roles.items():
        for role in groups.get(name, [name]):
            answers[role] = value
    return answers


# A class's own page: its educators only; another educator's class does not exist for them.
CLASS_PAGE = expect(
    FORBIDDEN, anonymous=LOGIN, educator=OK, co_teacher=OK, other_educator=NOT_FOUND
)
CLASS_ACTION = expect(
    FORBIDDEN, anonymous=LOGIN, educator=FOUND, co_teacher=FOUND, other_educator=NOT_FOUND
)
EDUCATOR_PAGE = expect(FORBIDDEN, anonymous=LOGIN, educators=OK)
SIGNED_IN_PAGE = expect(OK, anonymous=LOGIN)
CHILDREN_PAGE = expect(FORBIDDEN, anonymous=LOGIN, child=OK, pupil=OK)
PUBLIC = expect(OK)
# Our admin views: Wagtail sends anyone without admin access to its sign-in page.
ADMIN_ONLY = expect(ADMIN_LOGIN, staff=ADMIN_REFUSED, admin=OK)
ADMIN_ONLY_GET = expect(ADMIN_LOGIN, staff=ADMIN_REFUSED, admin=NOT_ALLOWED)
TRANSLATION_BOARD = expect(ADMIN_LOGIN, staff=OK)
FRENCH_STAFF = expect(ADMIN_LOGIN, staff=OK, translator_ar=ADMIN_REFUSED)
STAFF_POST_ONLY = expect(ADMIN_LOGIN, staff=NOT_ALLOWED)
POST_ONLY = expect(NOT_ALLOWED)
# Sign-up and sign-in pages send someone already signed in to their account.
SIGNED_OUT_PAGE = expect(FOUND, anonymous=OK)


@dataclass
class Row:
    """The expected answers to GET and POST on one URL, and how to fill in its arguments."""

    get: dict
    post: dict
    args: list = field(default_factory=list)


def rows(data):
    """The matrix: URL name -> Row. `data` holds the objects the URLs point at."""
    klass, pupil = data.school_class.pk, data.pupil.pk
    return {
        # Accounts: anyone may sign up or in; the account pages are the signed-in user's own.
        "accounts:account": Row(SIGNED_IN_PAGE, expect(NOT_ALLOWED, anonymous=LOGIN)),
        "accounts:signup": Row(SIGNED_OUT_PAGE, POST_ONLY),
        "accounts:signup_adult": Row(SIGNED_OUT_PAGE, SIGNED_OUT_PAGE),
        "accounts:signup_child": Row(SIGNED_OUT_PAGE, SIGNED_OUT_PAGE),
        "accounts:login": Row(SIGNED_OUT_PAGE, SIGNED_OUT_PAGE),
        "accounts:logout": Row(POST_ONLY, expect(FOUND)),
        "accounts:data": Row(SIGNED_IN_PAGE, expect(NOT_ALLOWED, anonymous=LOGIN)),
        "accounts:delete": Row(SIGNED_IN_PAGE, SIGNED_IN_PAGE),
        "accounts:deleted": Row(PUBLIC, POST_ONLY),
        # Forgotten passwords: open to anyone (an empty form answers with its errors);
        # a made-up reset link gets the "link does not work" page.
        "accounts:password_reset": Row(PUBLIC, PUBLIC),
        "accounts:password_reset_done": Row(PUBLIC, POST_ONLY),
        "accounts:password_reset_confirm": Row(PUBLIC, PUBLIC, ["MQ", "made-up-token"]),
        "accounts:password_recover": Row(PUBLIC, PUBLIC),
        "accounts:password_change": Row(SIGNED_IN_PAGE, SIGNED_IN_PAGE),
        # A child's own recovery code; POST makes a new one and shows it.
        "accounts:recovery_code": Row(
            CHILDREN_PAGE, expect(FORBIDDEN, anonymous=LOGIN, child=FOUND, pupil=FOUND)
        ),
        # Learning works without an account; a certificate is its owner's alone.
        "courses:my_learning": Row(PUBLIC, PUBLIC),
        "courses:submit_quiz": Row(expect(FOUND), expect(BAD), [data.lesson.pk, "check"]),
        "courses:mark_done": Row(POST_ONLY, expect(FOUND), [data.lesson.pk]),
        "courses:play_scenario": Row(expect(FOUND), expect(BAD), [data.lesson.pk, "s"]),
        "courses:certificate": Row(
            expect(NOT_FOUND, pupil=OK), expect(NOT_FOUND, pupil=OK), [data.certificate.code]
        ),
        "courses:verify_certificate": Row(PUBLIC, PUBLIC, [data.certificate.code]),
        # Open Badges: a certificate's badge is its owner's alone; everyone chooses the
        # name on their own badges (an empty choice is refused); the issuer's profile and
        # keys are public, read-only documents.
        "badges:download": Row(
            expect(NOT_FOUND, pupil=OK), expect(NOT_ALLOWED), [data.certificate.code]
        ),
        "badges:name_choice": Row(SIGNED_IN_PAGE, expect(BAD, anonymous=LOGIN)),
        "badges_issuer:profile": Row(PUBLIC, expect(NOT_ALLOWED)),
        "badges_issuer:key_set": Row(PUBLIC, expect(NOT_ALLOWED)),
        "badges_issuer:key": Row(PUBLIC, expect(NOT_ALLOWED), [data.badge_key.kid]),
        # LTI 1.3: the tool's public key set, for the platforms (read-only).
        "lti:key_set": Row(PUBLIC, expect(NOT_ALLOWED)),
        "helplines:help": Row(PUBLIC, PUBLIC),
        "helplines:count": Row(POST_ONLY, expect(BAD)),
        # A CSRF token for forms on pages from the shared cache: anyone may ask.
        "form_token": Row(PUBLIC, POST_ONLY),
        # Learning offline: the web app and what a visitor may save (public pages here;
        # hidden and restricted modules are tested in offline/tests/test_views.py).
        "service_worker": Row(PUBLIC, POST_ONLY),
        "offline:page": Row(PUBLIC, POST_ONLY),
        "offline:manifest": Row(PUBLIC, POST_ONLY),
        "offline:essentials": Row(PUBLIC, POST_ONLY),
        "offline:saved_files": Row(PUBLIC, POST_ONLY, [data.module.pk]),
        # Load balancers' questions: anyone may ask, nothing to change.
        "health:live": Row(PUBLIC, POST_ONLY),
        "health:ready": Row(PUBLIC, POST_ONLY),
        # Classes: educators' pages, and each class its own educators'.
        "classrooms:list": Row(EDUCATOR_PAGE, EDUCATOR_PAGE),
        "classrooms:create": Row(EDUCATOR_PAGE, EDUCATOR_PAGE),
        # Adults are told that only children's accounts join with a code.
        "classrooms:join": Row(SIGNED_IN_PAGE, CHILDREN_PAGE),
        "classrooms:assigned": Row(SIGNED_IN_PAGE, SIGNED_IN_PAGE),
        "classrooms:assign": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:unassign": Row(POST_ONLY, CLASS_ACTION, [klass, data.assignment.pk]),
        # Lesson plans: any educator may read a module's plan; from a class, its own only.
        "classrooms:lesson_plan": Row(EDUCATOR_PAGE, EDUCATOR_PAGE, [data.module.translation_key]),
        "classrooms:class_lesson_plan": Row(
            CLASS_PAGE, CLASS_PAGE, [klass, data.module.translation_key]
        ),
        "classrooms:report": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:report_csv": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:detail": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:edit": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:add_pupils": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:cards": Row(CLASS_PAGE, CLASS_PAGE, [klass]),
        "classrooms:regenerate_code": Row(POST_ONLY, CLASS_ACTION, [klass]),
        "classrooms:archive": Row(POST_ONLY, CLASS_ACTION, [klass]),
        "classrooms:add_educator": Row(POST_ONLY, CLASS_ACTION, [klass]),
        "classrooms:reset_password": Row(POST_ONLY, CLASS_ACTION, [klass, pupil]),
        # Removing or deleting a pupil asks first (GET), then acts (POST).
        "classrooms:remove_pupil": Row(CLASS_PAGE, CLASS_ACTION, [klass, pupil]),
        "classrooms:delete_pupil": Row(CLASS_PAGE, CLASS_ACTION, [klass, pupil]),
        "classrooms:pupil": Row(CLASS_PAGE, CLASS_PAGE, [klass, pupil]),
        # Parent links (same /classes/ paths): the child and the parent of a link, and
        # the educators of the pupil's class.
        "parent_links:parent_code": Row(CHILDREN_PAGE, CHILDREN_PAGE),
        "parent_links:children": Row(
            expect(FORBIDDEN, anonymous=LOGIN, parent=OK, other_parent=OK),
            expect(FORBIDDEN, anonymous=LOGIN, parent=OK, other_parent=OK),
        ),
        "parent_links:child": Row(
            expect(FORBIDDEN, anonymous=LOGIN, parent=OK, other_parent=NOT_FOUND),
            expect(FORBIDDEN, anonymous=LOGIN, parent=OK, other_parent=NOT_FOUND),
            [pupil],
        ),
        # Only the parent of an active link may give the child a new password.
        "parent_links:child_password": Row(
            expect(FORBIDDEN, anonymous=LOGIN, parent=OK, other_parent=NOT_FOUND),
            expect(FORBIDDEN, anonymous=LOGIN, parent=FOUND, other_parent=NOT_FOUND),
            [pupil],
        ),
        "parent_links:pupil_parent_code": Row(
            POST_ONLY,
            expect(
                FORBIDDEN, anonymous=LOGIN, educator=OK, co_teacher=OK, other_educator=NOT_FOUND
            ),
            [klass, pupil],
        ),
        "parent_links:followers": Row(CHILDREN_PAGE, CHILDREN_PAGE),
        "parent_links:remove_link": Row(
            expect(NOT_FOUND, anonymous=LOGIN, pupil=OK, parent=OK),
            expect(NOT_FOUND, anonymous=LOGIN, pupil=FOUND, parent=FOUND),
            [data.link.pk],
        ),
        "parent_links:confirm_link": Row(POST_ONLY, CLASS_ACTION, [klass, pupil, data.link.pk]),
        "parent_links:educator_remove_link": Row(
            CLASS_PAGE, CLASS_ACTION, [klass, pupil, data.link.pk]
        ),
        # Pages: public (the wrapper serves the source page when a translation is missing).
        "wagtail_serve": Row(PUBLIC, PUBLIC, [""]),
        "wagtailcore_login": Row(PUBLIC, PUBLIC),  # for pages restricted to signed-in users
        "wagtailcore_authenticate_with_password": Row(
            expect(NOT_FOUND), expect(NOT_FOUND), [0, data.lesson.pk]
        ),
        "wagtaildocs_serve": Row(expect(NOT_FOUND), expect(NOT_FOUND), [0, "none.pdf"]),
        # No such restriction: the language middleware offers the /<language>/ path instead.
        "wagtaildocs_authenticate_with_password": Row(expect(FOUND), expect(FOUND), [0]),
        # Admin views of ours.
        "localization:board": Row(TRANSLATION_BOARD, TRANSLATION_BOARD),
        # Downloads answer POST as they answer GET.
        "localization:po_download": Row(FRENCH_STAFF, FRENCH_STAFF, [data.translation.uuid]),
        "localization:po_archive": Row(FRENCH_STAFF, FRENCH_STAFF, [data.module.pk, "fr"]),
        "localization:po_upload": Row(STAFF_POST_ONLY, expect(ADMIN_LOGIN, staff=FOUND)),
        "localization:submit_review": Row(
            STAFF_POST_ONLY,
            expect(ADMIN_LOGIN, staff=FOUND, translator_ar=ADMIN_REFUSED),
            [data.french_lesson.pk],
        ),
        # The H5P player and its files: public and sessionless (h5p/views.py); the folders
        # list nothing, and their 404 becomes the language middleware's /<language>/ offer.
        "h5p:player": Row(PUBLIC, expect(NOT_ALLOWED), [data.activity.pk]),
        "h5p:content_root": Row(expect(FOUND), expect(FOUND), [data.activity.pk]),
        "h5p:content_file": Row(PUBLIC, expect(NOT_ALLOWED), [data.activity.pk, "h5p.json"]),
        "h5p:libraries_root": Row(expect(FOUND), expect(FOUND)),
        "h5p:library_file": Row(PUBLIC, expect(NOT_ALLOWED), [H5P_LIBRARY, "main.js"]),
        # An activity's files as a lesson's block plays it (the lesson's texts): public.
        "h5p:lesson_content_root": Row(
            expect(FOUND), expect(FOUND), [data.activity.pk, data.lesson.pk, H5P_BLOCK_ID]
        ),
        "h5p:lesson_content_file": Row(
            PUBLIC,
            expect(NOT_ALLOWED),
            [data.activity.pk, data.lesson.pk, H5P_BLOCK_ID, "content/content.json"],
        ),
        # Activity results: posted by the lesson page for whoever reads it (anyone may
        # learn without an account); this body is not a score, so nothing is recorded.
        "h5p_results:submit": Row(expect(NOT_ALLOWED), expect(BAD), [data.lesson.pk, H5P_BLOCK_ID]),
        "helplines_admin:import": Row(ADMIN_ONLY, ADMIN_ONLY),
        "helplines_admin:export": Row(ADMIN_ONLY, ADMIN_ONLY),
        "wagtailsnippets_helplines_helpline:list": Row(ADMIN_ONLY, ADMIN_ONLY_GET),
        # COP indicators: administrators here (focal points and the ITU group, bound to
        # countries, are tested in indicators/tests/test_dashboard.py); read-only.
        "indicators:dashboard": Row(ADMIN_ONLY, STAFF_POST_ONLY),
        "indicators:export_csv": Row(ADMIN_ONLY, STAFF_POST_ONLY),
        "indicators:export_json": Row(ADMIN_ONLY, STAFF_POST_ONLY),
        "indicators:api_token": Row(ADMIN_ONLY, ADMIN_ONLY),
        # The indicators API ignores sessions: without a token, no one gets in.
        "indicators_api:months": Row(expect(UNAUTHORIZED), POST_ONLY),
        "indicators_api:figures": Row(expect(UNAUTHORIZED), POST_ONLY),
        "wagtailsnippets_helplines_helpline:list_results": Row(ADMIN_ONLY, ADMIN_ONLY_GET),
    }


# Admin URLs meant for people who are not signed in (yet): sign-in, password reset for
# staff (the email goes to the account's own address), the icon sprite and UI strings.
OPEN_ADMIN_URLS = {
    "wagtailadmin_login",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def url_patterns(patterns=None, prefix="", namespace=None):
    """(route, name, module of the view) for every URL the site answers."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if namespace and inner:
                inner = f"{namespace}:{inner}"
            yield from url_patterns(
                pattern.url_patterns, prefix + str(pattern.pattern), inner or namespace
            )
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            module = getattr(getattr(view, "view_class", view), "__module__", "")
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, module


def is_ours(route, module):
    """Outside the admin every URL counts; inside it, the views our apps define."""
    return not route.startswith("admin/") or module.split(".")[0] in OUR_APPS


def answer(response):
    """A response as the matrix names it."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("accounts:login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return ADMIN_REFUSED
    return str(response.status_code)


class PermissionMatrixTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        tree = build_course_tree(lesson_count=1, quizzes=True)
        cls.lesson, cls.module = tree.lessons[0], tree.module
        cls.lesson.body = [
            *lesson_body_with_quiz("check"),
            {"type": "scenario", "value": scenario_data("s"), "id": "s"},
        ]
        cls.lesson.save_revision().publish()
        cls.translation = start_translation(tree.home, "fr")
        for page in [tree.audience, tree.path, tree.module, cls.lesson]:
            translation = start_translation(page, "fr")
        cls.french_lesson = translation.get_target_instance()
        setup_roles()  # grants each language's roles on its home page, which now exists
        educator, co_teacher = EducatorFactory(), EducatorFactory()
        cls.school_class = class_taught_by(educator)
        ClassEducator.objects.create(school_class=cls.school_class, educator=co_teacher)
        cls.pupil = add_pupil(cls.school_class, ChildFactory(), created_by=educator)
        parent = AdultFactory(role=User.Role.PARENT)
        cls.link = ParentLink.objects.create(
            parent=parent, child=cls.pupil, school_class=cls.school_class
        )
        cls.assignment = Assignment.objects.create(
            school_class=cls.school_class,
            kind=Assignment.Kind.MODULE,
            content_key=cls.module.translation_key,
        )
        cls.certificate = Certificate.objects.create(
            learner=cls.pupil, kind="module", content_key=cls.module.translation_key
        )
        cls.users = {
            "child": ChildFactory(),
            "pupil": cls.pupil,
            "parent": parent,
            "other_parent": AdultFactory(role=User.Role.PARENT),
            "educator": educator,
            "co_teacher": co_teacher,
            "other_educator": EducatorFactory(),
            "translator_fr": make_user("translator-fr", TRANSLATOR, "fr"),
            "translator_ar": make_user("translator-ar", TRANSLATOR, "ar"),
            "reviewer_fr": make_user("reviewer-fr", REVIEWER, "fr"),
            "editor": make_user("editor"),
            "admin": make_user("admin", is_superuser=True),
        }
        cls.users["editor"].groups.add(Group.objects.get(name="Editors"))
        cls.activity = install_activity()
        cls.lesson.body = [
            *cls.lesson.body.raw_data,
            {
                "type": "interactive_activity",
                "value": {"activity": cls.activity.pk, "pass_mark": 70},
                "id": H5P_BLOCK_ID,
            },
        ]
        cls.lesson.save_revision().publish()
        cls.badge_key = generate_key()

    def request(self, role, method, url):
        """One request as `role`, whose changes are rolled back afterwards."""
        cache.clear()
        self.client.logout()
        with transaction.atomic():
            if role != "anonymous":
                self.client.force_login(self.users[role])
            response = getattr(self.client, method)(url, HTTP_ORIGIN="http://testserver")
            transaction.set_rollback(True)
        return answer(response)

    def test_every_url_of_ours_has_a_row(self):
        names = {name for route, name, module in url_patterns() if is_ours(route, module)}
        self.assertEqual(sorted(names - set(rows(self))), [])
        self.assertEqual(sorted(set(rows(self)) - names), [])

    def test_every_role_gets_the_expected_answer(self):
        wrong = []
        for name, row in rows(self).items():
            url = reverse(name, args=row.args)
            for method, expected in (("get", row.get), ("post", row.post)):
                for role in ROLES:
                    got = self.request(role, method, url)
                    if got != expected[role]:
                        wrong.append(
                            f"{method.upper()} {name} as {role}: {got}, expected {expected[role]}"
                        )
        self.assertEqual("\n".join(wrong), "")

    def test_no_one_without_admin_access_opens_any_admin_url(self):
        """Wagtail's own admin views, with placeholder arguments: all send learners away."""
        placeholders = {
            "int": "1",
            "str": "x",
            "uuid": str(uuid.uuid4()),
            "path": "x/y",
            "slug": "x",
        }
        wrong, checked = [], 0
        for route, name, module in url_patterns():
            if not route.startswith("admin/") or is_ours(route, module) or name in OPEN_ADMIN_URLS:
                continue
            url = "/" + route
            for converter, value in placeholders.items():
                url = re.sub(rf"<{converter}:\w+>", value, url)
            url = re.sub(r"<\w+>", "x", url)
            if "^" in url or "(" in url:
                continue
            checked += 1
            # Signed-in learners and educators meet the same admin check as anonymous
            # visitors; one signed-in role is enough to prove it.
            for role, method in [("anonymous", "get"), ("anonymous", "post"), ("educator", "get")]:
                got = self.request(role, method, url)
                if got not in (ADMIN_LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED):
                    wrong.append(f"{method.upper()} {url} ({name}) as {role}: {got}")
        self.assertGreater(checked, 200)
        self.assertEqual("\n".join(wrong), "")
