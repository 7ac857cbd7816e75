"""Signals through which other apps take part in a learner's data export."""

from django.dispatch import Signal

# Sent by accounts when a learner downloads their data, with sender=the user model and
# user=the learner. Each receiver returns (section_name, data): data must be
# JSON-serialisable and hold everything that app stores about the learner.
personal_data_requested = Signal()

# Sent when someone asks to delete their account, with sender=the user model and
# user=the account. Each receiver returns a list of reasons (translated text) why the
# account may not be deleted yet, for example people who would be left without anyone to
# look after their accounts. While any reason is returned, deletion is refused.
account_deletion_checked = Signal()

# Sent inside the deletion's transaction, just before the account is deleted, with
# sender=the user model and user=the account: receivers hand over what must outlive it.
account_deleting = Signal()
