from django.core.management.base import BaseCommand

from marketplace.media.services import reprocess_outdated
from marketplace.photography import PIPELINE_VERSION


class Command(BaseCommand):
    help = "Re-run the photography pipeline on product photos made by an older pipeline version."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every photo, whatever its version")

    def handle(self, *args, **options):
        count = reprocess_outdated(everything=options["all"])
        self.stdout.write(self.style.SUCCESS(f"{count} photos processed with pipeline version {PIPELINE_VERSION}."))
