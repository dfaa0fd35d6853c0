"""catalog_import: bring catalogs of cooperatives and PMEs in from spreadsheets and photo folders through
the GraphQL API only (see README.md). Library entry point: `run_import(Options(...))`."""

from catalog_import.runner import Options, run_import

__all__ = ["Options", "run_import"]
