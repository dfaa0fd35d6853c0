from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from marketplace.core.views import GraphQLView, health_live, health_ready
from marketplace.graphql.schema import schema

urlpatterns = [
    path("graphql/", GraphQLView.as_view(schema=schema), name="graphql"),
    path("health/live", health_live),
    path("health/ready", health_ready),
    path("admin/", admin.site.urls),
    path("", include("marketplace.payments.urls")),  # /webhooks/stripe/, proforma, payout files
    path("", include("marketplace.trade.urls")),  # line sheets and order forms (signed links)
    path("", include("marketplace.curation.urls")),  # /exports/programme-results.csv
    path("", include("marketplace.media.urls")),  # signed links to the "before" copies of photos
    path("", include("marketplace.fairs.urls")),  # /fairs/labels/<signed>.pdf
]
if settings.DEBUG or settings.MEDIA_URL.startswith("/"):
    # Media derivatives are public catalog images; originals live in private storage, never here.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]
