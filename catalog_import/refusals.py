"""How a refused request becomes a product's failure: the API's messages, and the problems to show on the
product's row (shared by the writer and the photo uploads)."""

from __future__ import annotations

from catalog_import.model import Problem


class ProductFailed(Exception):
    """A product's request was refused: `str()` is the API's message, `problems` the ones to show on its
    row in the user's language (a refused photo)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


def messages_of(errors: list[dict] | None) -> str:
    return "; ".join(f"{e.get('path') or e.get('field') or ''}: {e.get('message')}".lstrip(": ")
                     for e in errors or [])
