from django.core.management.base import BaseCommand

from h5p.demo import install_demo


class Command(BaseCommand):
    help = (
        "Install the demo H5P activity and place it in a children's lesson in every "
        "language (run load_curriculum first). Safe to run again."
    )

    def handle(self, *args, **options):
        report = install_demo()
        if report.lesson is None:
            self.stdout.write(
                self.style.WARNING("Demo activity installed; no lesson to place it in yet.")
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo activity {'installed' if report.activity_created else 'present'} in "
                f"'{report.lesson.title}': {report.pages_changed} page(s) changed."
            )
        )
