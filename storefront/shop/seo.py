"""robots.txt and sitemap.xml (every market and language, products paged through the API)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from storefront.core import markets as mk
from storefront.core.client import execute
from storefront.core.context import site_url

MAX_PRODUCT_PAGES = 50  # 5 000 products per market; beyond that a sitemap index would be needed


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    base = site_url(request)
    lines = ["User-agent: *", "Disallow: /*/account/", "Disallow: /*/cart/", "Disallow: /currency/",
             "Disallow: /*/search/?*after=", f"Sitemap: {base}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _market_paths(channel: str) -> list[str]:
    paths, after = ["/"], None
    for page in range(MAX_PRODUCT_PAGES):
        data = execute("marketplace/SitemapPage", {"channel": channel, "after": after, "languageCode": "FR"},
                       cache_seconds=600)
        if page == 0:
            paths += [f"/craft/{e['node']['slug']}/" for e in data["categories"]["edges"]]
            paths += [f"/collection/{e['node']['slug']}/" for e in data["collections"]["edges"]]
            paths += [f"/artisan/{e['node']['slug']}/" for e in data["artisans"]["edges"]]
        paths += [f"/p/{e['node']['slug']}/" for e in data["products"]["edges"]]
        info = data["products"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    return paths


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    base = site_url(request)
    languages = [code for code, _ in settings.LANGUAGES]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for market in mk.markets():
        for path in _market_paths(market["slug"]):
            for lang in languages:
                loc = escape(f"{base}/{lang}/{market['slug']}{path}")
                out.append(f"<url><loc>{loc}</loc>")
                for alt in languages:
                    href = escape(f"{base}/{alt}/{market['slug']}{path}")
                    out.append(f'<xhtml:link rel="alternate" hreflang="{alt}" href="{href}"/>')
                out.append("</url>")
    out.append("</urlset>")
    return HttpResponse("\n".join(out), content_type="application/xml; charset=utf-8")
