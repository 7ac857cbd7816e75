"""One decorator per kind of account, reading the kind from the user model."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory, TestCase

from accounts.access import child_required, educator_required, parent_required
from accounts.factories import AdultFactory, ChildFactory
from accounts.models import User


def page(request):
    return HttpResponse("ok")


class AccountKindTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.child = ChildFactory()
        cls.parent = AdultFactory(role=User.Role.PARENT)
        cls.educator = AdultFactory(role=User.Role.EDUCATOR)
        cls.industry = AdultFactory(role=User.Role.INDUSTRY)

    def test_the_user_model_says_which_kind_an_account_is(self):
        kinds = {
            user.username: (user.is_child, user.is_parent, user.is_educator)
            for user in (self.child, self.parent, self.educator, self.industry)
        }
        self.assertEqual(
            kinds,
            {
                self.child.username: (True, False, False),
                self.parent.username: (False, True, False),
                self.educator.username: (False, False, True),
                self.industry.username: (False, False, False),
            },
        )

    def test_a_child_account_is_never_a_parent_or_educator_whatever_its_role_field(self):
        self.child.role = User.Role.EDUCATOR
        self.assertFalse(self.child.is_educator)
        self.child.role = User.Role.PARENT
        self.assertFalse(self.child.is_parent)

    def test_each_decorator_lets_in_its_kind_refuses_others_and_sends_visitors_to_sign_in(self):
        cases = [
            (child_required, self.child),
            (parent_required, self.parent),
            (educator_required, self.educator),
        ]
        everyone = [self.child, self.parent, self.educator, self.industry]
        for decorator, allowed in cases:
            view = decorator(page)
            request = RequestFactory().get("/somewhere/")
            request.user = AnonymousUser()
            response = view(request)
            self.assertEqual(response.status_code, 302)
            self.assertIn("next=/somewhere/", response["Location"])
            for user in everyone:
                request.user = user
                with self.subTest(decorator=decorator, user=user.username):
                    if user == allowed:
                        self.assertEqual(view(request).content, b"ok")
                    else:
                        with self.assertRaises(PermissionDenied):
                            view(request)
