"""The words of an activity: the strings of content.json its semantics mark as text.

H5P describes each content type's parameters in its main library's semantics.json: a
tree of fields whose type says what a value is. Fields of type "text" hold what a
learner reads (questions, answers, feedback, button labels); everything else (numbers,
choices, booleans, media) is the same in every language. Walking content.json with its
semantics gives those strings in a fixed order; putting strings back in the same order
gives a translated content.json. Nested content types ("library" fields, e.g. the
questions of a question set) are walked with their own library's semantics.
"""

import copy


def _library_key(library_string):
    """'H5P.MultiChoice 1.16' -> ('H5P.MultiChoice', 1, 16), or None."""
    try:
        name, version = library_string.split(" ")
        major, minor = version.split(".")[:2]
        return name, int(major), int(minor)
    except (AttributeError, ValueError):
        return None


def _walk(value, field, semantics_of, visit):
    """Call `visit(container, key)` for each text value under `field`, in order."""
    kind = field.get("type")
    if kind == "group":
        fields = field.get("fields") or []
        # H5P stores a group of one field as that field's value, not wrapped in a dict.
        if len(fields) == 1 and not isinstance(value, dict):
            return value
        if isinstance(value, dict):
            _walk_fields(value, fields, semantics_of, visit)
    elif kind == "list" and isinstance(value, list):
        for index in range(len(value)):
            _walk_item(value, index, field.get("field") or {}, semantics_of, visit)
    elif kind == "library" and isinstance(value, dict):
        key = _library_key(value.get("library"))
        semantics = semantics_of(key) if key else None
        if semantics and isinstance(value.get("params"), dict):
            _walk_fields(value["params"], semantics, semantics_of, visit)
    return value


def _walk_item(container, key, field, semantics_of, visit):
    value = container[key]
    if field.get("type") == "text" and isinstance(value, str):
        visit(container, key)
    elif field.get("type") == "group" and len(field.get("fields") or []) == 1:
        if isinstance(value, dict):
            _walk_fields(value, field["fields"], semantics_of, visit)
        else:
            _walk_item(container, key, field["fields"][0], semantics_of, visit)
    else:
        _walk(value, field, semantics_of, visit)


def _walk_fields(params, fields, semantics_of, visit):
    for field in fields:
        name = field.get("name")
        if name in params:
            _walk_item(params, name, field, semantics_of, visit)


def texts(content, semantics, semantics_of=lambda key: None):
    """The text strings of `content` (content.json as data), in semantics order."""
    found = []
    if isinstance(content, dict) and semantics:
        _walk_fields(content, semantics, semantics_of, lambda c, k: found.append(c[k]))
    return found


def with_texts(content, semantics, strings, semantics_of=lambda key: None):
    """A copy of `content` with its texts replaced, in order, by `strings`.

    Only a list as long as the content's own texts is applied (a translation of another
    version of the activity would put strings in the wrong places); empty strings keep
    the original.
    """
    result = copy.deepcopy(content)
    if not semantics or len(strings) != len(texts(content, semantics, semantics_of)):
        return result
    position = iter(strings)

    def replace(container, key):
        string = next(position)
        if string:
            container[key] = string

    _walk_fields(result, semantics, semantics_of, replace)
    return result
