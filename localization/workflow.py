"""Submitting a translated page to its language's review workflow.

wagtail-localize's segment editor saves drafts and publishes, but has no "submit for
review" action; this is it. The draft is rebuilt from the current translations, then
the page's workflow ("Review (fr)", assigned to the French home page) starts, so the
French reviewers see it under "Awaiting your review" on their dashboard.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import Translation


@transaction.atomic
def save_draft(translation, user=None):
    """Rebuild a draft of the translated page or snippet from its current strings.

    wagtail-localize's save_target(publish=False) creates a new revision but also
    writes the translated fields to the page's row, which is what visitors see: on a
    live page an unreviewed translation would go public. The live content is put
    back, keeping the new revision as the latest draft for the reviewer.
    """
    target = translation.get_target_instance()
    if not isinstance(target, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return target
    live_revision = target.live_revision if target.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is None:
        return translation.get_target_instance()
    draft = type(target).objects.get(pk=target.pk)
    restored = live_revision.as_object()
    restored.live = True
    restored.live_revision_id = draft.live_revision_id
    restored.last_published_at = draft.last_published_at
    restored.first_published_at = draft.first_published_at
    restored.latest_revision_id = draft.latest_revision_id
    restored.has_unpublished_changes = True
    if isinstance(restored, Page):
        restored.draft_title = draft.draft_title
        restored.latest_revision_created_at = draft.latest_revision_created_at
        restored.save(clean=False)
    else:
        restored.save()
    return restored


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
        save_draft(translation, user)
        page.refresh_from_db()
    elif page.latest_revision is None:
        page.save_revision(user=user)
    return workflow.start(page, user)
