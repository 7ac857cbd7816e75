"""Counting wrong class and parent codes, so nobody can try them all."""

from accounts.throttling import client_ip
from cms.rate_limits import count_in_window, count_so_far

JOIN_ATTEMPTS_ALLOWED = 10  # wrong codes per user and address
JOIN_WINDOW_SECONDS = 15 * 60


class WrongCodeLimit:
    """Wrong codes typed by one account from one address, for one kind of code.

    Class codes and parent codes are short; counting misses per account and address
    keeps anyone from trying them all.
    """

    def __init__(self, request, kind):
        self.key = f"classrooms:{kind}:{request.user.pk}:{client_ip(request)}"

    @property
    def blocked(self):
        return count_so_far(self.key) >= JOIN_ATTEMPTS_ALLOWED

    def count_miss(self):
        count_in_window(self.key, JOIN_WINDOW_SECONDS)
