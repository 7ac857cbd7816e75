"""Submitting a translated page to its language's review workflow.

wagtail-localize's segment editor saves drafts and publishes, but has no "submit for
review" action; this is it. The draft is rebuilt from the current translations, then
the page's workflow ("Review (fr)", assigned to the French home page) starts, so the
French reviewers see it under "Awaiting your review" on their dashboard.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation


@transaction.atomic
def submit_for_review(page, user):
    workflow = page.get_workflow()
    if workflow is None:
        raise ValueError(_("This language has no review workflow yet."))
    if page.workflow_in_progress:
        raise ValueError(_("This page is already waiting for review."))
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None:
        translation.save_target(user=user, publish=False)
        page.refresh_from_db()
    elif page.latest_revision is None:
        page.save_revision(user=user)
    return workflow.start(page, user)
