"""Names people choose are shown to others (class lists, certificates): keep them honest.

Unicode has invisible characters that change how the text around them is shown:
bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make
"Sam" + U+202E + "gpj.exe" read as "Samexe.jpg", and marks (U+200E, U+200F, U+061C),
zero-width spaces, word joiners or tag characters can hide text or make two names that
look the same. Such characters never belong in a name, so they are removed. Zero-width
joiner and non-joiner stay: Persian and Indic scripts and emoji sequences need them,
and they cannot move text.
"""

import unicodedata

# Needed to write some names correctly; they join or separate letters, nothing more.
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}
# Letters that show as nothing (Hangul fillers), used to make blank-looking names.
BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0"}
# Format (Cf), control (Cc), line and paragraph separators, surrogates, private use
# and unassigned code points.
REMOVED_CATEGORIES = {"Cf", "Cc", "Zl", "Zp", "Cs", "Co", "Cn"}


def is_invisible_formatting(character):
    if character in KEPT_FORMAT_CHARACTERS:
        return False
    return character in BLANK_LETTERS or unicodedata.category(character) in REMOVED_CATEGORIES


def clean_name(text):
    """The name without invisible formatting characters, in NFC, spaces collapsed."""
    text = unicodedata.normalize("NFC", str(text))
    kept = "".join(
        " " if c.isspace() else c for c in text if c.isspace() or not is_invisible_formatting(c)
    )
    return " ".join(kept.split())
