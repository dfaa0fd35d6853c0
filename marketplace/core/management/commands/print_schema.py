from pathlib import Path

from django.core.management.base import BaseCommand

SDL_PATH = Path(__file__).resolve().parents[3] / "graphql" / "schema.graphql"


def current_sdl() -> str:
    # The schema settings name (GRAPHENE["SCHEMA"]): `core` never imports the root schema itself.
    from graphene_django.settings import graphene_settings

    return str(graphene_settings.SCHEMA).strip() + "\n"


class Command(BaseCommand):
    help = "Print the API's GraphQL schema (SDL) to marketplace/graphql/schema.graphql (or print it with --print)."

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", help="print instead of writing the file")

    def handle(self, *args, **options):
        sdl = current_sdl()
        if options["print"]:
            self.stdout.write(sdl)
        else:
            SDL_PATH.write_text(sdl, encoding="utf-8")
            self.stdout.write(f"wrote {SDL_PATH}")
