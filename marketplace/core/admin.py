"""The admin's base for models whose writes belong to services: staff read them here, and change them through
the API (whose services keep the rules: stock locks, the catalog version, the search index, reviews).

`core` itself has no concrete model; every app's admin.py builds on this."""

from __future__ import annotations

from typing import Any

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed, searched and opened by staff; never added, changed or deleted from the admin."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
