"""Parent-link pages: codes, a parent's children, a child's followers, ending a link.

Who sees a link: its parent, its child, and the educators of a class the child's
account was made for (parent_links.links.managed_by). The educator's pages (a code for
a pupil, confirming and ending a pupil's links) start from classrooms' access rules,
like every page of a class. Everyone else gets 404 for a
link and 403 for a page their kind of account has no use for.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.access import child_required, educator_required, parent_required
from accounts.throttling import forget_tries
from classrooms.models import Class
from classrooms.pupils import reset_password
from classrooms.views import access
from classrooms.wrong_codes import WrongCodeLimit
from courses.dashboard import summarise
from courses.progress.records import DatabaseProgress

from .forms import ParentCodeForm
from .links import confirm, issue_code, managed_by, redeem
from .models import ParentLink


def _links():
    return ParentLink.objects.select_related("parent", "child", "school_class")


# Where a password a parent just set waits, in the session, until its page shows it once.
CHILD_PASSWORD_SESSION_KEY = "parent_links:child_password"  # noqa: S105 (a session key)


def _active_link(request, child_id):
    """The parent's active link to this child; any other child (or a waiting link) is 404."""
    return get_object_or_404(
        _links(), parent=request.user, child_id=child_id, status=ParentLink.Status.ACTIVE
    )


@child_required
@never_cache
def parent_code(request):
    """A child makes a code to give to their parent or carer."""
    code = None
    if request.method == "POST":
        code = issue_code(request.user)
    return render(request, "parent_links/parent_code.html", {"code": code})


@require_POST
@educator_required
@never_cache
def pupil_parent_code(request, pk, user_id):
    """An educator makes a parent code for an account made for their class.

    Not for a pupil who joined with their own account: that child (or their family)
    decides who follows them. The link the code makes waits for an educator's confirmation.
    """
    school_class = access.my_class(request, pk)
    link = access.account_made_for_class(school_class, user_id)
    code = issue_code(link.pupil, school_class=school_class, issued_by=request.user)
    return render(
        request,
        "parent_links/parent_code.html",
        {"code": code, "pupil": link.pupil, "class": school_class},
    )


@parent_required
@never_cache
def children(request):
    """A parent's linked children, and the form to link one more with a code."""
    form = ParentCodeForm(request.POST or None)
    limit = WrongCodeLimit(request, "parent")
    blocked = limit.blocked
    if request.method == "POST" and not blocked and form.is_valid():
        link = redeem(request.user, form.cleaned_data["code"])
        if link is None:
            limit.count_miss()
            form.add_error("code", _("This code is not valid. Ask for a new one."))
        elif link.is_active:
            return redirect("parent_links:child", child_id=link.child_id)
        else:
            messages.info(
                request,
                _("The code is accepted. You will see the progress once the teacher confirms."),
            )
            return redirect("parent_links:children")
    links = _links().filter(parent=request.user).order_by("status", "child__username")
    return render(
        request,
        "parent_links/children.html",
        {"links": links, "form": form, "blocked": blocked},
        status=429 if blocked and request.method == "POST" else 200,
    )


@parent_required
def child(request, child_id):
    """A linked child's progress, read-only; any other account (or a waiting link) is 404."""
    link = _active_link(request, child_id)
    context = summarise(DatabaseProgress(link.child), translation.get_language())
    context["child"] = link.child
    context["link"] = link
    return render(request, "parent_links/child.html", context)


@parent_required
@never_cache
def child_password(request, child_id):
    """A linked parent gives their child a new password: GET asks, POST sets it.

    For a child who forgot theirs and has no recovery code. The new password is shown
    once, on the page the POST leads to; the old one stops working at once, and the
    child's other sessions end with it. Only an active link counts: a link still
    waiting for a teacher's confirmation gives no power over the account.
    """
    link = _active_link(request, child_id)
    child = link.child
    if request.method == "POST":
        password = reset_password(child)
        forget_tries(None, child)  # a sign-in pause would block the new password too
        request.session[CHILD_PASSWORD_SESSION_KEY] = {str(child.pk): password}
        return redirect("parent_links:child_password", child_id=child.pk)
    waiting = request.session.pop(CHILD_PASSWORD_SESSION_KEY, {})
    return render(
        request,
        "parent_links/child_password.html",
        {"child": child, "link": link, "password": waiting.get(str(child.pk))},
    )


@child_required
@never_cache
def followers(request):
    """A child sees who follows their progress and can end any link."""
    links = _links().filter(child=request.user).order_by("created")
    return render(request, "parent_links/followers.html", {"links": links})


@login_required
@never_cache
def remove_link(request, link_id):
    """The child or the parent ends a link: GET asks, POST ends it."""
    link = get_object_or_404(_links(), pk=link_id)
    if request.user.pk == link.child_id:
        back = "parent_links:followers"
    elif request.user.pk == link.parent_id:
        back = "parent_links:children"
    else:
        raise Http404
    if request.method == "POST":
        ParentLink.objects.filter(pk=link.pk).delete()
        messages.success(request, _("The link is removed."))
        return redirect(back)
    return render(
        request, "parent_links/link_remove.html", {"link": link, "cancel_url": reverse(back)}
    )


def _pupil_link(request, pk, user_id, link_id):
    """A link of a pupil whose account was made for one of the educator's classes."""
    school_class = access.my_class(request, pk)
    membership = access.account_made_for_class(school_class, user_id)
    if not managed_by(request.user, membership.pupil):
        raise PermissionDenied
    return school_class, get_object_or_404(_links(), pk=link_id, child=membership.pupil)


@require_POST
@educator_required
def confirm_link(request, pk, user_id, link_id):
    """An educator of the class the code came from lets the parent see the progress."""
    school_class, link = _pupil_link(request, pk, user_id, link_id)
    if (
        link.school_class_id is None
        or not Class.taught_by(request.user).filter(pk=link.school_class_id).exists()
    ):
        raise PermissionDenied
    confirm(link, request.user)
    messages.success(request, _("The link is confirmed."))
    return redirect("classrooms:pupil", pk=school_class.pk, user_id=user_id)


@educator_required
@never_cache
def educator_remove_link(request, pk, user_id, link_id):
    """An educator ends a link of a pupil made for their class: GET asks, POST ends it."""
    school_class, link = _pupil_link(request, pk, user_id, link_id)
    if request.method == "POST":
        ParentLink.objects.filter(pk=link.pk).delete()
        messages.success(request, _("The link is removed."))
        return redirect("classrooms:pupil", pk=school_class.pk, user_id=user_id)
    return render(
        request,
        "parent_links/link_remove.html",
        {"link": link, "cancel_url": reverse("classrooms:pupil", args=[school_class.pk, user_id])},
    )
