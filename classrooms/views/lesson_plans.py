"""Printable lesson plans: one per module, for educators.

The plan opened from a class is written in the class's language (the language its
pupils learn in); opened on its own, in the educator's. The page around it stays in
the educator's language.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.html import format_html

from accounts.access import educator_required

from ..lesson_plan import build_lesson_plan, module_in_language
from . import access


def render_plan(request, module_key, language, school_class=None):
    module = module_in_language(module_key, language)
    if module is None:
        raise Http404
    plan = build_lesson_plan(module)
    # Untranslated content keeps its own language, marked on every element that shows it.
    content_attrs = ""
    if plan.language != language:
        content_attrs = format_html(' lang="{}" dir="{}"', plan.language, plan.dir)
    return render(
        request,
        "classrooms/lesson_plan.html",
        {
            "plan": plan,
            "content_attrs": content_attrs,
            "plan_language": language,
            "plan_dir": "rtl" if translation.get_language_info(language)["bidi"] else "ltr",
            "class": school_class,
        },
    )


@educator_required
def lesson_plan(request, module_key):
    return render_plan(request, module_key, translation.get_language())


@educator_required
def class_lesson_plan(request, pk, module_key):
    school_class = access.my_class(request, pk)
    return render_plan(request, module_key, school_class.language, school_class)
