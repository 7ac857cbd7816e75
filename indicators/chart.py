"""Horizontal bar charts drawn on the server as SVG: no script, no chart library.

Bars carry their value as text, so the chart reads without colour; a suppressed bar is
drawn as an outline with the word for "suppressed". In a right-to-left language the
chart is mirrored by its coordinates (labels on the right, bars growing leftwards), not
by SVG's `direction`, which browsers apply unevenly to anchors and digits.
"""

from dataclasses import dataclass

from .disclosure import SUPPRESSED

WIDTH = 520
LABEL_WIDTH = 200
VALUE_WIDTH = 70
ROW_HEIGHT = 30
BAR_HEIGHT = 18


@dataclass
class Bar:
    label: str
    text: str
    y: int
    text_y: int
    bar_x: float
    bar_width: float
    label_x: float
    value_x: float
    value_anchor: str
    suppressed: bool


def bar_chart(bars, rtl=False, suppressed_text="", format_value=str):
    """Geometry for `bars`, a list of (label, value): value a number, SUPPRESSED or None."""
    numbers = [value for _label, value in bars if isinstance(value, int | float)]
    largest = max([*numbers, 0]) or 1
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    result = []
    for index, (label, value) in enumerate(bars):
        suppressed = value is SUPPRESSED
        number = value if isinstance(value, int | float) else 0
        width = max(area * max(number, 0) / largest, 0)
        if suppressed:
            width = area
        start = LABEL_WIDTH + 8
        bar_x = WIDTH - start - width if rtl else start
        value_x = (bar_x - 6) if rtl else (bar_x + width + 6)
        value_anchor = "end" if rtl else "start"
        if suppressed:
            value_x, value_anchor = bar_x + width / 2, "middle"
        text = suppressed_text if suppressed else ("–" if value is None else format_value(value))
        result.append(
            Bar(
                label=str(label),
                text=text,
                y=index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                text_y=index * ROW_HEIGHT + ROW_HEIGHT // 2 + 5,
                bar_x=round(bar_x, 1),
                bar_width=round(width, 1),
                label_x=WIDTH - 4 if rtl else LABEL_WIDTH,
                value_x=round(value_x, 1),
                value_anchor=value_anchor,
                suppressed=suppressed,
            )
        )
    return {
        "bars": result,
        "width": WIDTH,
        "height": len(bars) * ROW_HEIGHT + 4,
        "rtl": rtl,
        "bar_height": BAR_HEIGHT,
    }
