"""Storefront URLs: `/<language>/<market>/...`; the artisan and curation spaces join when they exist."""

from importlib.util import find_spec

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
]
# Fairs (issue 20): the artisan's stand and sales, the curators' fairs and figures, the shop's fair pages.
if find_spec("storefront.fairs") is not None:
    urlpatterns += [re_path(rf"^{LANG}/atelier/fairs/", include("storefront.fairs.atelier_urls")),
                    re_path(rf"^{LANG}/curation/", include("storefront.fairs.curation_urls")),
                    re_path(rf"^{LANG}/{MARKET}/", include("storefront.fairs.shop_urls"))]
# Issue 6's spaces (built separately): mounted per language, only when their package is there.
for _space in ("atelier", "curation"):
    if find_spec(f"storefront.{_space}") is not None and find_spec(f"storefront.{_space}.urls") is not None:
        urlpatterns.append(re_path(rf"^{LANG}/{_space}/", include(f"storefront.{_space}.urls")))
urlpatterns.append(re_path(rf"^{LANG}/{MARKET}/", include("storefront.shop.urls")))

handler404 = "storefront.core.pages.page_not_found"
handler500 = "storefront.core.pages.server_error"
