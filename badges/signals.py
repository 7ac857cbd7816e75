"""How badges joins in account events: the data export lists the learner's name choice."""

from django.dispatch import receiver

from accounts.signals import personal_data_requested

from .models import NameOnBadges


@receiver(personal_data_requested, dispatch_uid="badges_personal_data")
def export_badge_choices(sender, user, **kwargs):
    return "badges", {"name_on_badges": NameOnBadges.objects.filter(learner=user).exists()}
