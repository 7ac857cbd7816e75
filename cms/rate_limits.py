"""Counting requests in a time window, in the shared cache.

The counter lives in the cache (Redis in production), so every app server sees the
same count; it expires with its window, so nothing is kept longer than the limit needs.
"""

from django.core.cache import cache


def count_in_window(key, seconds):
    """Add one to the counter `key`, started for `seconds` if new; return the new count."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add() and incr(): this is a new one
        cache.add(key, 1, seconds)
        return 1


def count_so_far(key):
    """The counter's value, without adding to it (0 when no window is open)."""
    return cache.get(key, 0)
