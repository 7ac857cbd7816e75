"""On an Arabic phone screen, helpline numbers and Latin names read in their own order."""

import pytest

from helplines.factories import HelplineFactory

# Where a piece of text is drawn: the box of the first occurrence of `part` inside the
# first element matching `selector` (a Range over that text).
BOX_OF = """([selector, part]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(part);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + part.length);
      const box = range.getBoundingClientRect();
      return {left: box.left, top: box.top};
    }
  }
  return null;
}"""


def left(page, selector, *parts):
    """The left edges of `parts`, checked to be drawn on one line."""
    boxes = [page.evaluate(BOX_OF, [selector, part]) for part in parts]
    assert None not in boxes, (selector, parts)
    assert len({round(box["top"]) for box in boxes}) == 1, (selector, parts, boxes)
    return [box["left"] for box in boxes]


def reads_left_to_right(page, selector, *parts):
    edges = left(page, selector, *parts)
    return edges == sorted(edges)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_numbers_and_names_read_left_to_right_in_arabic_at_390px(migrated_db, live_server, page):
    HelplineFactory(
        key="de-nummer",
        country="DE",
        name_en="NgK (116 111)",
        phone_numbers="0800 1111\n+49 800 111 0333",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/ar/help/?country=DE")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    call = 'a[href="tel:08001111"]'
    assert reads_left_to_right(page, call, "0800", "1111")
    plus = 'a[href="tel:+498001110333"]'
    assert reads_left_to_right(page, plus, "+49", "800", "111", "0333")
    name = "#helpline-de-nummer"
    assert reads_left_to_right(page, name, "NgK", "(", "116", "111", ")")

    # "116 111 و116": each number reads left to right, the two in Arabic order.
    heading = "#other-help-title ~ h3:nth-of-type(2) bdi"
    assert page.locator(heading).count() == 2
    first, second = (page.locator(heading).nth(index).bounding_box() for index in range(2))
    assert second["x"] + second["width"] <= first["x"]
    assert reads_left_to_right(page, heading, "116", "111")
