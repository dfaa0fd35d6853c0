from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from marketplace.core.views import GraphQLView, health_live, health_ready
from marketplace.curation.views import programme_results_csv
from marketplace.media.private import serve_preview

urlpatterns = [
    path("graphql/", GraphQLView.as_view(), name="graphql"),
    path("health/live", health_live),
    path("health/ready", health_ready),
    path("admin/", admin.site.urls),
    path("", include("marketplace.payments.urls")),  # /webhooks/stripe/, proforma, payout files
    path("", include("marketplace.trade.urls")),  # line sheets and order forms (signed links)
    path("exports/programme-results.csv", programme_results_csv, name="programme-results-csv"),
    # Signed links to the "before" copies of photos (private storage): media/private.py.
    path("private-media/<str:token>/before.jpg", serve_preview, name="private-media-before"),
    path("", include("marketplace.fairs.urls")),  # /fairs/labels/<signed>.pdf
]
if settings.DEBUG or settings.MEDIA_URL.startswith("/"):
    # Media derivatives are public catalog images; originals live in private storage, never here.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
