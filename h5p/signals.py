"""An activity's files go with it: content and package once the deletion is committed.

Libraries stay: other activities may share them.
"""

from django.db import transaction
from django.db.models.signals import post_delete

from .install import delete_files


def delete_activity_files(sender, instance, **kwargs):
    names = list(instance.content_files)
    if instance.content_folder:
        names.append(f"{instance.content_folder}/h5p.json")
    if instance.package:
        names.append(instance.package.name)
    transaction.on_commit(lambda: delete_files(names), robust=True)


def connect_signals():
    from cms.page_cache import forget_on_change

    from .models import H5PActivity

    post_delete.connect(delete_activity_files, sender=H5PActivity, dispatch_uid="h5p_files")
    # Lessons show activities (title, player address): pages from the shared cache must
    # show the activity as it is now.
    forget_on_change(H5PActivity, prefix="h5p")
