"""/<lang>/<market>/fairs/ and /<lang>/<market>/fair/<slug>/ (mounted by storefront/urls.py)."""

from django.urls import path

from . import shop

urlpatterns = [
    path("fairs/", shop.fair_list, name="fairs"),
    path("fair/<slug:slug>/", shop.fair_page, name="fair"),
]
