"""/<lang>/atelier/…: the artisan space (mounted by storefront/urls.py)."""

from django.urls import path

from . import listing, orders, photos, profile, views

app_name = "atelier"

urlpatterns = [
    path("", views.home, name="home"),
    path("products/", views.products, name="products"),
    path("stock/<str:variant_id>/", views.stock, name="stock"),
    path("new/", photos.new, name="new"),
    path("p/<str:product_id>/photos/", photos.photos, name="photos"),
    path("p/<str:product_id>/photos/delete/", photos.photo_delete, name="photo-delete"),
    path("p/<str:product_id>/photos/retry/", photos.photo_retry, name="photo-retry"),
    path("p/<str:product_id>/delete/", photos.draft_delete, name="draft-delete"),
    path("p/<str:product_id>/resubmit/", listing.resubmit, name="resubmit"),
    path("p/<str:product_id>/details/", listing.details, name="details"),
    path("p/<str:product_id>/price/", listing.price, name="price"),
    path("orders/", orders.orders, name="orders"),
    path("orders/<str:fulfillment_id>/ship/", orders.ship, name="ship"),
    path("payouts/", orders.payouts, name="payouts"),
    path("payouts/<str:batch_id>/statement.pdf", orders.statement_pdf, name="statement"),
    path("profile/", profile.profile, name="profile"),
]
