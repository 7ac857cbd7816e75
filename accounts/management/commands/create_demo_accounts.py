from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

# Wagtail's own migrations create the "Editors" group with page permissions.
ROLE_GROUPS = {
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
            user, created = User.objects.get_or_create(username=account["username"])
            if created:
                user.set_password(account["password"])
                user.is_staff = True
                user.is_superuser = account["role"] == "administrator"
                user.save()
                group_name = ROLE_GROUPS.get(account["role"])
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(
                f"  {account['role']:<14} {account['username']} / {account['password']}"
                f"{'' if created else ' (already there)'}"
            )
