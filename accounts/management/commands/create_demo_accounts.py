from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

# Wagtail's own migrations create the "Editors" group with page permissions.
STAFF_GROUPS = {
    "editor": "Editors",
    "administrator": None,
    # Created by the translation app's migration; see setup_translation_roles.
    "translator-fr": "Translators (fr)",
    "reviewer-fr": "Reviewers (fr)",
}


class Command(BaseCommand):
    help = (
        "Create the demo accounts named in settings.DEMO_ACCOUNTS (development settings "
        "only). Existing accounts are left as they are."
    )

    def handle(self, *args, **options):
        accounts = getattr(settings, "DEMO_ACCOUNTS", [])
        if not accounts:
            self.stdout.write("No demo accounts in these settings; none created.")
            return
        User = get_user_model()
        for account in accounts:
            user, created = User.objects.get_or_create(
                username=account["username"], defaults=self.learner_fields(User, account)
            )
            if created:
                user.set_password(account["password"])
                if account["role"] in STAFF_GROUPS:
                    user.is_staff = True
                    user.is_superuser = account["role"] == "administrator"
                user.save()
                group_name = STAFF_GROUPS.get(account["role"])
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
            login = account.get("email") or account["username"]
            self.stdout.write(
                f"  {account['role']:<14} {login} / {account['password']}"
                f"{'' if created else ' (already there)'}"
            )

    @staticmethod
    def learner_fields(User, account):
        """Kind, role and age band as sign-up would set them."""
        if account["role"] == "child":
            return {
                "kind": User.Kind.CHILD,
                "age_band": account["age_band"],
                "country": account.get("country", ""),
            }
        role = account["role"] if account["role"] in User.Role.values else ""
        return {
            "kind": User.Kind.ADULT,
            "role": role,
            "email": account.get("email", ""),
            "country": account.get("country", ""),
            "display_name": account.get("display_name", ""),
        }
