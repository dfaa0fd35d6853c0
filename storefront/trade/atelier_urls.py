"""/<lang>/atelier/trade/…: the artisan space's trade page (mounted by storefront/urls.py before the space)."""

from django.urls import path

from . import views_atelier

urlpatterns = [
    path("", views_atelier.trade, name="atelier-trade"),
    path("minimums/", views_atelier.minimums, name="atelier-trade-minimums"),
    path("offer/<str:product_id>/", views_atelier.offer, name="atelier-trade-offer"),
    path("variant/<str:variant_id>/", views_atelier.variant_terms, name="atelier-trade-variant"),
    path("quotes/<str:quote_id>/", views_atelier.quote_answer, name="atelier-trade-quote"),
]
