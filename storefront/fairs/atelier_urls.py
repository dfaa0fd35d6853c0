"""/<lang>/atelier/fairs/…: the artisan's fairs and stand sales (mounted by storefront/urls.py)."""

from django.urls import path

from . import atelier

urlpatterns = [
    path("", atelier.fairs, name="atelier-fairs"),
    path("<slug:slug>/labels/", atelier.labels, name="atelier-fair-labels"),
    path("<slug:slug>/sell/", atelier.find_piece, name="atelier-fair-find"),
    path("<slug:slug>/sell/<str:product_id>/", atelier.sell, name="atelier-fair-sell"),
]
