"""A pupil joins a class with its code."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..forms import JoinForm
from ..models import Class, ClassPupil
from ..wrong_codes import WrongCodeLimit


@login_required
@never_cache
def join(request):
    """A signed-in child joins a class with its code; wrong codes are counted.

    Adults never join as pupils: an adult in a children's class would see its pupils'
    work and names. Educators are added as co-teachers by someone who teaches the class.
    """
    if not request.user.is_child:
        status = 403 if request.method == "POST" else 200
        return render(request, "classrooms/join.html", {"adult": True}, status=status)
    form = JoinForm(request.POST or None)
    limit = WrongCodeLimit(request, "join")
    blocked = limit.blocked
    if request.method == "POST" and not blocked and form.is_valid():
        school_class = Class.objects.filter(
            join_code=form.cleaned_data["code"], archived=False
        ).first()
        if school_class is None:
            limit.count_miss()
            form.add_error("code", _("No class has this code. Check it with your teacher."))
        else:
            ClassPupil.objects.get_or_create(school_class=school_class, pupil=request.user)
            messages.success(
                request, _("You joined the class %(name)s.") % {"name": school_class.name}
            )
            return redirect("courses:my_learning")
    status = 429 if blocked and request.method == "POST" else 200
    return render(
        request, "classrooms/join.html", {"form": form, "blocked": blocked}, status=status
    )
