"""Template tags for the site shell: language switcher, alternates, breadcrumbs, tables."""

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page

from cms.footer import footer_for
from cms.page_cache import renders_for_everyone

register = template.Library()


@register.simple_tag
def quick_exit_url():
    """Where the Quick exit button goes: a neutral site chosen by the deployer."""
    return settings.QUICK_EXIT_URL


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: the same page in that language.

    Where the page has a live translation, link to it; otherwise link to the same path
    under the other language prefix, which serves the source page with a notice (see
    cms.views.serve_page), so no link in the switcher leads to a 404.
    """
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page):
        translations = {
            translation.locale.language_code: translation
            for translation in Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
        }
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None:
            url = translation.get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
                "is_translated": translation is not None or not isinstance(page, Page),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context):
    """The live ancestors of the page below the tree root, with the home page first."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.simple_block_tag
def scroll_region(content, label):
    """A box that scrolls sideways around a wide data table, so the page itself never does
    on a phone (WCAG 1.4.10 Reflow). It is a named, focusable region, so keyboard users can
    reach it and scroll it with the arrow keys (WCAG 2.1.1) and screen readers name it.

        {% scroll_region _("Quiz history") %}<table>...</table>{% endscroll_region %}
    """
    return format_html(
        '<div class="table-scroll" role="region" tabindex="0" aria-label="{}">{}</div>',
        label,
        content,
    )


@register.simple_tag
def site_footer():
    """The editable footer in the page's language, or None where that language has none."""
    return footer_for(get_language())


@register.simple_tag(takes_context=True)
def form_token(context):
    """A form's CSRF field; empty on a page stored for everyone (cms.page_cache).

    A token in a shared page would be everyone's, and asking for one sets a cookie,
    which stops the page being stored. The empty field names where cms/js/form-token.js
    fetches this browser's token before the form is sent; without JavaScript the view
    answers with a fresh form to confirm.
    """
    request = context.get("request")
    if request is None:  # a block preview in the editor
        return ""
    if renders_for_everyone(request):
        return format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="" data-form-token="{}">',
            reverse("form_token"),
        )
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
