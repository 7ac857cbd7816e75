"""An educator's pupils: new accounts and their login cards, passwords, removal, deletion."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.access import educator_required

from .. import hooks
from ..forms import AddPupilsForm
from ..models import Class
from ..pupils import create_pupils
from ..pupils import reset_password as new_password
from . import access

CARDS_SESSION_KEY = "classroom_cards"


def _remember_passwords(request, school_class, pairs):
    """Keep new passwords in the session until the cards page shows them, once."""
    cards = dict(request.session.get(CARDS_SESSION_KEY, {}))
    passwords = dict(cards.get(str(school_class.pk), {}))
    passwords.update({str(user.pk): password for user, password in pairs})
    cards[str(school_class.pk)] = passwords
    request.session[CARDS_SESSION_KEY] = cards


@educator_required
@never_cache
def add_pupils(request, pk):
    school_class = access.my_class(request, pk)
    if school_class.archived:
        raise PermissionDenied
    form = AddPupilsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pairs = create_pupils(
            school_class, request.user, form.cleaned_data["names"], form.cleaned_data["age_band"]
        )
        _remember_passwords(request, school_class, pairs)
        return redirect("classrooms:cards", pk=school_class.pk)
    return render(request, "classrooms/add_pupils.html", {"class": school_class, "form": form})


@educator_required
@never_cache
def cards(request, pk):
    """Login cards in the class language. New passwords are shown this once."""
    school_class = access.my_class(request, pk)
    stored = dict(request.session.get(CARDS_SESSION_KEY, {}))
    passwords = stored.pop(str(school_class.pk), {})
    request.session[CARDS_SESSION_KEY] = stored
    links = school_class.pupil_links.select_related("pupil").order_by("pupil__username")
    pupils = [(link.pupil, passwords.get(str(link.pupil_id))) for link in links]
    if passwords:
        pupils = [pair for pair in pupils if pair[1]]
    with translation.override(school_class.language):
        return render(
            request,
            "classrooms/cards.html",
            {"class": school_class, "pupils": pupils, "login_path": _login_path(school_class)},
        )


def _login_path(school_class):
    with translation.override(school_class.language):
        return reverse("accounts:login")


@require_POST
@educator_required
def reset_password(request, pk, user_id):
    """A new password for an account made for the class (never for one that joined)."""
    school_class = access.my_class(request, pk)
    link = access.account_made_for_class(school_class, user_id)
    _remember_passwords(request, school_class, [(link.pupil, new_password(link.pupil))])
    return redirect("classrooms:cards", pk=pk)


@educator_required
@never_cache
def pupil(request, pk, user_id):
    """One pupil: what the educator may do, and what other apps show of the pupil (who
    follows the pupil's progress, from parent_links)."""
    school_class = access.my_class(request, pk)
    membership = access.membership(school_class, user_id)
    sections = hooks.collect(
        hooks.pupil_page_sections,
        request=request,
        school_class=school_class,
        membership=membership,
    )
    return render(
        request,
        "classrooms/pupil.html",
        {
            "class": school_class,
            "membership": membership,
            "pupil": membership.pupil,
            "sections": sections,
        },
    )


@educator_required
@never_cache
def remove_pupil(request, pk, user_id):
    """Take a pupil out of the class: GET asks, POST does it.

    The pupil keeps their account and progress; what came through this class (parent
    links and unused parent codes) ends with the membership, in the same transaction.
    """
    school_class = access.my_class(request, pk)
    membership = access.membership(school_class, user_id)
    if request.method == "POST":
        with transaction.atomic():
            hooks.pupil_removed.send(
                sender=Class, school_class=school_class, pupil=membership.pupil
            )
            membership.delete()
        messages.success(request, _("The pupil is no longer in this class."))
        return redirect("classrooms:detail", pk=pk)
    leaving = hooks.collect(
        hooks.pupil_leaving, request=request, school_class=school_class, pupil=membership.pupil
    )
    return render(
        request,
        "classrooms/pupil_remove.html",
        {"class": school_class, "pupil": membership.pupil, "leaving": leaving},
    )


@educator_required
@never_cache
def delete_pupil(request, pk, user_id):
    """Delete an account made for the class, with all its records: GET asks, POST deletes.

    Everything that points at the account goes with it (on_delete=CASCADE).
    """
    school_class = access.my_class(request, pk)
    membership = access.account_made_for_class(school_class, user_id)
    if request.method == "POST":
        membership.pupil.delete()
        messages.success(request, _("The account and its learning records are deleted."))
        return redirect("classrooms:detail", pk=pk)
    return render(
        request,
        "classrooms/pupil_delete.html",
        {"class": school_class, "pupil": membership.pupil},
    )
