from django.urls import path

from . import views_artisans, views_collections, views_dashboard, views_featured, views_markets, views_review

urlpatterns = [
    path("", views_review.review_queue, name="curation-review"),
    path("collections/", views_collections.collection_list, name="curation-collections"),
    path("collections/<int:pk>/", views_collections.collection_edit, name="curation-collection"),
    path("collections/<int:pk>/details/", views_collections.collection_details, name="curation-collection-details"),
    path("collections/<int:pk>/products/", views_collections.collection_products,
         name="curation-collection-products"),
    path("collections/<int:pk>/schedule/", views_collections.collection_schedule,
         name="curation-collection-schedule"),
    path("collections/<int:pk>/delete/", views_collections.collection_delete, name="curation-collection-delete"),
    path("featured/", views_featured.featured, name="curation-featured"),
    path("artisans/", views_artisans.artisans, name="curation-artisans"),
    path("markets/", views_markets.markets, name="curation-markets"),
    path("dashboard/", views_dashboard.dashboard, name="curation-dashboard"),
    path("dashboard/programme-results.csv", views_dashboard.dashboard_csv, name="curation-csv"),
]
