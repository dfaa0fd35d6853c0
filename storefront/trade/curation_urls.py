"""/<lang>/curation/trade/: trade applications (mounted by storefront/urls.py before the curation space)."""

from django.urls import path

from . import views_curation

urlpatterns = [path("", views_curation.applications, name="curation-trade")]
