"""Disclosure control: which cells of a table of counts may be published.

Pure Python, no Django, so that it can be attacked in tests and reasoned about alone.

A table has rows (e.g. countries), columns (e.g. learner groups), the cells between
them, a total per row, a total per column and a grand total. Each cell carries the value
to publish and the number of distinct learners behind it; the threshold is decided on
learners. Distinct learners add up across rows and columns because every learner is in
exactly one row and one column of a table (one country, one group).

Three rules:

1. Primary suppression: a cell or total with 1 to k - 1 learners is not published.
2. Complementary suppression. The published numbers satisfy one equation per row
   ("cells add up to the row total") and per column. Bring totals into the grid as an
   extra row and column with their sign flipped and every line of the grid sums to zero.
   The unknowns are then the suppressed cells, and a suppressed cell's value is fixed by
   the equations exactly when it is a bridge of the bipartite graph whose nodes are the
   grid's lines and whose edges are the suppressed cells (a cell on no cycle of
   suppressed cells; a line with one suppressed cell is the simplest case). So more
   cells are suppressed, smallest first, until no suppressed cell is a bridge. Each
   suppressed cell then lies on a cycle along which values can be shifted without
   changing any published number.
3. Every suppressed cell looks the same. Marking primary and complementary cells
   differently would tell an attacker that the complementary one holds at least k,
   which can pin down its partner.
"""

from collections import defaultdict
from dataclasses import dataclass

TOTAL = "__total__"
DEFAULT_MIN_CELL = 10


class _Suppressed:
    """The mark of a cell that is not published."""

    def __repr__(self):
        return "SUPPRESSED"

    def __bool__(self):
        return False


SUPPRESSED = _Suppressed()


@dataclass(frozen=True)
class Count:
    """A value to publish and the distinct learners behind it.

    `learners` None means the value itself counts people (or may: a helpline click may
    be one child), so the threshold applies to the value.
    """

    value: int
    learners: int | None = None

    @property
    def people(self):
        return self.value if self.learners is None else self.learners

    def __add__(self, other):
        if self.learners is None and other.learners is None:
            learners = None
        else:
            learners = self.people + other.people
        return Count(self.value + other.value, learners)


ZERO = Count(0, None)


@dataclass
class ProtectedTable:
    """A table ready to publish: `cell(row, column)` is a value or SUPPRESSED.

    Totals are addressed with TOTAL as the row and/or column.
    """

    rows: list
    columns: list
    published: dict
    min_cell: int

    def cell(self, row, column):
        return self.published[row, column]

    def row_total(self, row):
        return self.published[row, TOTAL]

    def column_total(self, column):
        return self.published[TOTAL, column]

    @property
    def grand_total(self):
        return self.published[TOTAL, TOTAL]

    @property
    def suppressed(self):
        return {key for key, value in self.published.items() if value is SUPPRESSED}


def is_sensitive(count, min_cell):
    return 0 < count.people < min_cell


def protect(counts, rows, columns, min_cell=DEFAULT_MIN_CELL):
    """Publishable version of `counts`, a dict (row, column) -> Count (missing = 0)."""
    rows, columns = list(rows), list(columns)
    grid = {}
    for row in rows:
        for column in columns:
            grid[row, column] = counts.get((row, column), ZERO)
    for row in rows:
        grid[row, TOTAL] = _sum(grid[row, column] for column in columns)
    for column in [*columns, TOTAL]:
        grid[TOTAL, column] = _sum(grid[row, column] for row in rows)
    suppressed = {key for key, count in grid.items() if is_sensitive(count, min_cell)}
    order = {key: index for index, key in enumerate(grid)}
    while True:
        bridge = _first_bridge(suppressed, order)
        if bridge is None:
            break
        suppressed.add(_complement(bridge, suppressed, grid, order))
    published = {
        key: SUPPRESSED if key in suppressed else count.value for key, count in grid.items()
    }
    return ProtectedTable(rows, columns, published, min_cell)


def _sum(counts):
    total = ZERO
    for count in counts:
        total = total + count
    return total


def _nodes(key):
    row, column = key
    return ("row", row), ("column", column)


def _graph(edges):
    adjacent = defaultdict(list)
    for key in edges:
        a, b = _nodes(key)
        adjacent[a].append((b, key))
        adjacent[b].append((a, key))
    return adjacent


def _first_bridge(suppressed, order):
    """A suppressed cell on no cycle of suppressed cells (Tarjan's bridges), or None."""
    adjacent = _graph(suppressed)
    number, low, bridges = {}, {}, []
    counter = 0
    for root in sorted(adjacent, key=repr):
        if root in number:
            continue
        number[root] = low[root] = counter
        counter += 1
        stack = [(root, None, iter(adjacent[root]))]
        while stack:
            node, via, edges = stack[-1]
            for neighbour, key in edges:
                if key == via:
                    continue
                if neighbour in number:
                    low[node] = min(low[node], number[neighbour])
                else:
                    number[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, key, iter(adjacent[neighbour])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > number[parent]:
                        bridges.append(via)
    return min(bridges, key=order.__getitem__) if bridges else None


def _component(start, edges):
    adjacent = _graph(edges)
    seen, todo = {start}, [start]
    while todo:
        for neighbour, _key in adjacent[todo.pop()]:
            if neighbour not in seen:
                seen.add(neighbour)
                todo.append(neighbour)
    return seen


def _complement(bridge, suppressed, grid, order):
    """The cell to suppress next so that `bridge` ends up on a cycle.

    Best: a cell joining the two sides the bridge separates, which closes a cycle at
    once. Otherwise a cell on the bridge's own row or column, otherwise any cell; each
    time the smallest, preferring cells with learners (an empty cell hides less).
    """
    others = suppressed - {bridge}
    row_node, column_node = _nodes(bridge)
    side_a, side_b = _component(row_node, others), _component(column_node, others)
    free = [key for key in grid if key not in suppressed]

    def closes_cycle(key):
        a, b = _nodes(key)
        return (a in side_a and b in side_b) or (a in side_b and b in side_a)

    def on_bridge_lines(key):
        return key[0] == bridge[0] or key[1] == bridge[1]

    def cost(key):
        people = grid[key].people
        return (people == 0, people, order[key])

    for wanted in (closes_cycle, on_bridge_lines, lambda key: True):
        candidates = [key for key in free if wanted(key)]
        if candidates:
            return min(candidates, key=cost)
    raise ValueError("Nothing left to suppress.")  # cannot happen: see module docstring


def rate(numerator, denominator):
    """numerator / denominator as a percentage; SUPPRESSED unless both are published.

    A rate beside a published denominator would give away a suppressed numerator, so
    both must be published. None when the denominator is 0 (nothing to rate).
    """
    if numerator is SUPPRESSED or denominator is SUPPRESSED:
        return SUPPRESSED
    if not denominator:
        return None
    return round(100 * numerator / denominator, 1)
