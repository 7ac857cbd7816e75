"""Country lists read in the order of the page's language, not in the order of code points."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

# Each language's names, in the order a reader of that language looks for them.
EXPECTED_ORDER = {
    "ar": ["الإمارات العربية المتحدة", "السعودية (المملكة العربية)", "فرنسا", "مصر"],
    "ru": ["Египет", "Китай", "Саудовская Аравия", "Франция"],
    "fr": ["Égypte", "Émirats arabes unis", "France", "Zambie"],
    # By pinyin: Āfùhàn, Āijí, Fǎguó, Ruìshì, Zhōngguó (not by radical and stroke).
    "zh-hans": ["阿富汗", "埃及", "法国", "瑞士", "中国"],
}


def option_names(html):
    return re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]+)</option>', html)


def in_order(names, expected):
    positions = [names.index(name) for name in expected]
    return positions == sorted(positions)


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(EXPECTED_ORDER))
@pytest.mark.parametrize("url_name", ["accounts:signup_child", "helplines:help"])
def test_country_menus_follow_the_language_s_collation(client, language, url_name):
    with translation.override(language):
        url = reverse(url_name)
    names = option_names(client.get(url).content.decode())
    assert len(names) > 240
    assert in_order(names, EXPECTED_ORDER[language]), [
        n for n in names if n in EXPECTED_ORDER[language]
    ]


@pytest.mark.django_db
def test_chinese_country_menu_starts_with_a_and_ends_with_zh(client):
    with translation.override("zh-hans"):
        url = reverse("helplines:help")
    names = option_names(client.get(url).content.decode())
    assert names.index("阿富汗") < 10  # Āfùhàn
    assert names.index("中国") > len(names) - 10  # Zhōngguó
