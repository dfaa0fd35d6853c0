from django.core.management.base import BaseCommand

from demo.services import demo_loaded, load_demo


class Command(BaseCommand):
    help = "Load the demo catalog (artisans, products, photos, collections) unless a catalog already exists."

    def add_arguments(self, parser):
        parser.add_argument("--max-products", type=int, default=None, help="load only the first N products")
        parser.add_argument("--photo-size", type=int, default=1200, help="rendering size of the demo photos, px")
        parser.add_argument("--no-photos", action="store_true")
        parser.add_argument("--workers", type=int, default=None, help="processes rendering photos")

    def handle(self, *args, **options):
        if demo_loaded():
            self.stdout.write("A catalog already exists: the demo is not loaded again.")
            return
        counts = load_demo(max_products=options["max_products"], photo_size=options["photo_size"],
                           photos=not options["no_photos"], workers=options["workers"],
                           log=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS(
            f"Demo loaded: {counts['artisans']} artisans, {counts['products']} products, {counts['photos']} photos."))
