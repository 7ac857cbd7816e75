"""Parent-link pages keep the addresses they had as part of classrooms.

Families bookmark /<language>/classes/children/, and codes and links are explained
with these paths; moving the app changed only the URL names.
"""

import pytest
from django.urls import resolve, reverse
from django.utils import translation


@pytest.mark.parametrize(
    ("name", "args", "path"),
    [
        ("parent_code", [], "/fr/classes/parent-code/"),
        ("children", [], "/fr/classes/children/"),
        ("child", [7], "/fr/classes/children/7/"),
        ("child_password", [7], "/fr/classes/children/7/password/"),
        ("followers", [], "/fr/classes/followers/"),
        ("remove_link", [3], "/fr/classes/links/3/remove/"),
        ("pupil_parent_code", [1, 7], "/fr/classes/1/pupils/7/parent-code/"),
        ("confirm_link", [1, 7, 3], "/fr/classes/1/pupils/7/links/3/confirm/"),
        ("educator_remove_link", [1, 7, 3], "/fr/classes/1/pupils/7/links/3/remove/"),
    ],
)
def test_parent_link_pages_keep_their_paths(name, args, path):
    with translation.override("fr"):
        assert reverse(f"parent_links:{name}", args=args) == path
        assert resolve(path).view_name == f"parent_links:{name}"
