"""Storefront URLs: `/<language>/<market>/...`, the artisan space `/<language>/atelier/`, the Ministry's
`/<language>/curation/`, and the trade space `/<language>/trade/` (with its pages in the other two)."""

from django.urls import include, path, re_path
from django.views.generic import RedirectView

from storefront.shop import seo, views

LANG = r"(?P<lang>fr|ar|en)"
MARKET = r"(?P<market>[a-z][a-z0-9-]{1,40})"

urlpatterns = [
    path("", views.root, name="root"),
    path("robots.txt", seo.robots, name="robots"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("currency/", views.set_currency, name="set-currency"),
    path("favicon.ico", RedirectView.as_view(url="/static/storefront/favicon.svg", permanent=True)),
    # Trade (issue 21): the buyers' space, and its pages in the artisan and curation spaces (before them).
    re_path(rf"^{LANG}/trade/", include("storefront.trade.urls")),
    re_path(rf"^{LANG}/atelier/trade/", include("storefront.trade.atelier_urls")),
    re_path(rf"^{LANG}/curation/trade/", include("storefront.trade.curation_urls")),
    # Fairs (issue 20): the artisan's stand and sales, the curators' fairs and figures, the shop's fair pages.
    re_path(rf"^{LANG}/atelier/fairs/", include("storefront.fairs.atelier_urls")),
    re_path(rf"^{LANG}/curation/", include("storefront.fairs.curation_urls")),
    re_path(rf"^{LANG}/{MARKET}/", include("storefront.fairs.shop_urls")),
    re_path(rf"^{LANG}/atelier/", include("storefront.atelier.urls")),
    re_path(rf"^{LANG}/curation/", include("storefront.curation.urls")),
    re_path(rf"^{LANG}/{MARKET}/", include("storefront.shop.urls")),
]

handler404 = "storefront.core.pages.page_not_found"
handler500 = "storefront.core.pages.server_error"
