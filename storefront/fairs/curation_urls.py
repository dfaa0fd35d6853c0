"""/<lang>/curation/fairs/… and the dashboard's figures per fair (mounted by storefront/urls.py)."""

from django.urls import path

from . import curation, dashboard

urlpatterns = [
    path("fairs/", curation.fair_list, name="curation-fairs"),
    path("fairs/<int:pk>/", curation.fair_edit, name="curation-fair"),
    path("dashboard/fairs/", dashboard.figures_index, name="curation-fair-figures-index"),
    path("dashboard/fairs/<slug:slug>/", dashboard.figures, name="curation-fair-figures"),
    path("dashboard/fairs/<slug:slug>/figures.csv", dashboard.figures_csv, name="curation-fair-csv"),
]
