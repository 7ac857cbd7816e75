"""Attacks on disclosure control: each must fail to recover a suppressed cell."""

import random
from fractions import Fraction

import pytest

from indicators.disclosure import SUPPRESSED, TOTAL, Count, ProtectedTable, protect, rate

K = 10


def published_equations(table):
    """What an attacker knows: one equation per row and column, with the totals."""
    lines = []
    for row in [*table.rows, TOTAL]:
        lines.append(([(row, column) for column in table.columns], (row, TOTAL)))
    for column in [*table.columns, TOTAL]:
        lines.append(([(row, column) for row in table.rows], (TOTAL, column)))
    unknowns = sorted(table.suppressed, key=repr)
    index = {key: i for i, key in enumerate(unknowns)}
    equations = []
    for parts, total in lines:
        coefficients = [Fraction(0)] * len(unknowns)
        constant = Fraction(0)
        for key, sign in [*((part, 1) for part in parts), (total, -1)]:
            value = table.published[key]
            if value is SUPPRESSED:
                coefficients[index[key]] += sign
            else:
                constant -= sign * value
        if any(coefficients):
            equations.append((coefficients, constant))
    return unknowns, equations


def recover(table):
    """Every suppressed cell whose value the equations fix, with that value (Gauss-Jordan)."""
    unknowns, equations = published_equations(table)
    rows = [coefficients + [constant] for coefficients, constant in equations]
    pivots, rank = [], 0
    for column in range(len(unknowns)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        rows[rank] = [x / rows[rank][column] for x in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column]:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    recovered = {}
    for r, column in enumerate(pivots):
        others = [c for c in range(len(unknowns)) if c != column and rows[r][c]]
        if not others:
            recovered[unknowns[column]] = rows[r][-1]
    return recovered


def shift_alternative(table, counts, target):
    """Another table with the same published numbers and all cells >= 0, `target` changed.

    Looks for a cycle of suppressed cells through `target` along which +1/-1 can be
    moved (totals carry the opposite sign); proves the attacker cannot narrow the cell
    down to one value even knowing that counts are never negative.
    """
    suppressed = table.suppressed

    def sign(key):
        return -1 if (key[0] == TOTAL) != (key[1] == TOTAL) else 1

    def value(key):
        return counts[key]

    def neighbours(node):
        kind, name = node
        for key in suppressed:
            if kind == "row" and key[0] == name:
                yield ("column", key[1]), key
            if kind == "column" and key[1] == name:
                yield ("row", key[0]), key

    start, goal = ("column", target[1]), ("row", target[0])
    stack = [(start, [target], {goal, start})]
    while stack:
        node, path, seen = stack.pop()
        for neighbour, key in neighbours(node):
            if key in path:
                continue
            if neighbour == goal and len(path) > 1:
                cycle = [*path, key]
                for direction in (1, -1):
                    change = {}
                    for position, cell in enumerate(cycle):
                        step = direction * (1 if position % 2 == 0 else -1) * sign(cell)
                        change[cell] = step
                    if all(value(cell) + step >= 0 for cell, step in change.items()):
                        return change
            elif neighbour not in seen and len(path) < 12:
                stack.append((neighbour, [*path, key], seen | {neighbour}))
    return None


def full_counts(table, counts):
    """Every cell and total of the true table, as plain values."""
    values = {}
    for row in table.rows:
        for column in table.columns:
            values[row, column] = counts.get((row, column), Count(0)).value
    for row in table.rows:
        values[row, TOTAL] = sum(values[row, column] for column in table.columns)
    for column in [*table.columns, TOTAL]:
        values[TOTAL, column] = sum(values[row, column] for row in table.rows)
    return values


def assert_safe(table, counts):
    assert recover(table) == {}, "a suppressed cell can be worked out from the published ones"
    truth = full_counts(table, counts)
    for key, published in table.published.items():
        learners = counts[key].people if key in counts else None
        if published is not SUPPRESSED:
            assert published == truth[key]
            if learners is not None:
                assert learners == 0 or learners >= K
    for key in table.suppressed:
        assert shift_alternative(table, truth, key) is not None, key


def test_a_single_small_cell_is_hidden_with_a_partner_in_its_row_and_column():
    counts = {
        ("FR", "a"): Count(3, 3),
        ("FR", "b"): Count(20, 20),
        ("FR", "c"): Count(30, 30),
        ("DE", "a"): Count(25, 25),
        ("DE", "b"): Count(40, 40),
        ("DE", "c"): Count(50, 50),
    }
    table = protect(counts, ["FR", "DE"], ["a", "b", "c"], K)
    assert table.cell("FR", "a") is SUPPRESSED
    assert {("FR", "b"), ("DE", "a"), ("DE", "b")} <= table.suppressed
    assert table.grand_total == 168
    assert_safe(table, counts)


def test_a_child_unique_in_their_country_and_age_band_is_never_revealed():
    groups = ["child_13", "child_14", "parents"]
    counts = {
        ("FR", "child_13"): Count(1, 1),  # the only 13-year-old in France
        ("FR", "child_14"): Count(15, 15),
        ("FR", "parents"): Count(12, 12),
        ("DE", "child_13"): Count(14, 14),
        ("DE", "child_14"): Count(11, 11),
        ("DE", "parents"): Count(30, 30),
        ("ES", "child_13"): Count(18, 18),
        ("ES", "child_14"): Count(22, 22),
        ("ES", "parents"): Count(9, 9),
    }
    table = protect(counts, ["FR", "DE", "ES"], groups, K)
    assert table.cell("FR", "child_13") is SUPPRESSED
    assert_safe(table, counts)
    # What a French focal point sees (their row and its total) is part of the same table.
    row = [table.cell("FR", group) for group in groups] + [table.row_total("FR")]
    assert row.count(SUPPRESSED) >= 2


def test_a_small_total_is_suppressed_even_when_its_cells_are_empty():
    counts = {("FR", "a"): Count(2, 2), ("DE", "a"): Count(40, 40), ("DE", "b"): Count(40, 40)}
    table = protect(counts, ["FR", "DE"], ["a", "b"], K)
    assert table.row_total("FR") is SUPPRESSED
    assert table.cell("FR", "b") == 0
    assert_safe(table, counts)


def test_the_threshold_is_on_learners_not_on_the_value():
    counts = {("FR", "a"): Count(50, 3), ("FR", "b"): Count(50, 30)}
    table = protect(counts, ["FR"], ["a", "b"], K)
    assert table.cell("FR", "a") is SUPPRESSED
    assert_safe(table, counts)


def test_counts_without_learners_are_thresholded_on_their_value():
    counts = {("FR", "phone"): Count(4), ("FR", "chat"): Count(40), ("DE", "phone"): Count(30)}
    table = protect(counts, ["FR", "DE"], ["phone", "chat"], K)
    assert table.cell("FR", "phone") is SUPPRESSED
    assert_safe(table, counts)


def test_large_cells_are_all_published():
    counts = {(r, c): Count(10 + r + c, 10 + r + c) for r in range(3) for c in range(4)}
    table = protect(counts, range(3), range(4), K)
    assert table.suppressed == set()


@pytest.mark.parametrize("seed", range(150))
def test_random_tables_resist_recovery(seed):
    generator = random.Random(seed)  # noqa: S311 (reproducible test data)
    rows = [f"r{i}" for i in range(generator.randint(1, 6))]
    columns = [f"c{i}" for i in range(generator.randint(1, 6))]
    counts = {}
    for row in rows:
        for column in columns:
            learners = generator.choice([0, 0, 1, 2, 5, 9, 10, 11, 25, 80])
            counts[row, column] = Count(learners * generator.randint(1, 3), learners)
    table = protect(counts, rows, columns, K)
    assert_safe(table, counts)


def test_recovery_works_on_a_naive_suppression():
    """The attacker is real: hiding only the small cell and its total gives both away."""
    counts = {("FR", "a"): Count(3, 3), ("FR", "b"): Count(20, 20)}
    naive = ProtectedTable(
        rows=["FR"],
        columns=["a", "b"],
        published={
            ("FR", "a"): SUPPRESSED,
            ("FR", "b"): 20,
            ("FR", TOTAL): 23,
            (TOTAL, "a"): SUPPRESSED,
            (TOTAL, "b"): 20,
            (TOTAL, TOTAL): 23,
        },
        min_cell=K,
    )
    assert recover(naive) == {("FR", "a"): 3, (TOTAL, "a"): 3}
    assert_safe(protect(counts, ["FR"], ["a", "b"], K), counts)


def test_rates_need_both_parts_published():
    assert rate(5, 20) == 25.0
    assert rate(SUPPRESSED, 20) is SUPPRESSED
    assert rate(5, SUPPRESSED) is SUPPRESSED
    assert rate(0, 0) is None
