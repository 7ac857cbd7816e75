"""The shared window counter behind the join-code, parent-code and help-count limits."""

from django.core.cache import cache

from cms.rate_limits import count_in_window, count_so_far


def test_counts_up_within_a_window_and_starts_again_when_it_ends():
    cache.clear()
    assert count_so_far("k") == 0
    assert [count_in_window("k", 60) for _ in range(3)] == [1, 2, 3]
    assert count_so_far("k") == 3
    cache.delete("k")  # the window ended
    assert count_in_window("k", 60) == 1
