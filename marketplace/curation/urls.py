"""The programme results as CSV (a curator's token), row for row the GraphQL `programmeResults`."""

from django.urls import path

from marketplace.curation.views import programme_results_csv

urlpatterns = [
    path("exports/programme-results.csv", programme_results_csv, name="programme-results-csv"),
]
