"""/<lang>/atelier/…: the artisan space (mounted by storefront/urls.py)."""

from django.urls import path

from . import listing, profile, views

app_name = "atelier"

urlpatterns = [
    path("", views.home, name="home"),
    path("products/", views.products, name="products"),
    path("stock/<str:variant_id>/", views.stock, name="stock"),
    path("new/", listing.new, name="new"),
    path("p/<str:product_id>/photos/", listing.photos, name="photos"),
    path("p/<str:product_id>/photos/delete/", listing.photo_delete, name="photo-delete"),
    path("p/<str:product_id>/details/", listing.details, name="details"),
    path("p/<str:product_id>/price/", listing.price, name="price"),
    path("orders/", views.orders, name="orders"),
    path("orders/<str:fulfillment_id>/ship/", views.ship, name="ship"),
    path("payouts/", views.payouts, name="payouts"),
    path("profile/", profile.profile, name="profile"),
]
