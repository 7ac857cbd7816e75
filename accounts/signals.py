"""Signals through which other apps take part in a learner's data export."""

from django.dispatch import Signal

# Sent by accounts when a learner downloads their data, with sender=the user model and
# user=the learner. Each receiver returns (section_name, data): data must be
# JSON-serialisable and hold everything that app stores about the learner.
personal_data_requested = Signal()
