"""The labels PDF over HTTP: GET /fairs/labels/<signed token>.pdf. The token comes from `Fair.labelsUrl`
(which checked that the caller is one of the artisan's members or a curator); it names the fair, the
artisan and the storefront the QR codes open, and expires after a day."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from marketplace.artisans.models import Artisan
from marketplace.fairs.documents import labels_pdf
from marketplace.fairs.links import LinkExpired, LinkInvalid, read_labels_link
from marketplace.fairs.models import Fair
from marketplace.fairs.selectors import artisan_labels


def fair_labels(request: HttpRequest, token: str) -> HttpResponse:
    try:
        claims = read_labels_link(token)
    except LinkExpired:
        return JsonResponse({"error": "This link has expired: open the labels again from your space."}, status=410)
    except LinkInvalid:
        return JsonResponse({"error": "Not found."}, status=404)
    fair = Fair.objects.prefetch_related("channels").filter(pk=claims.get("f")).first()
    artisan = Artisan.objects.filter(pk=claims.get("a")).first()
    if fair is None or artisan is None:
        return JsonResponse({"error": "Not found."}, status=404)
    labels = artisan_labels(fair, artisan.pk, claims.get("s", ""))
    response = HttpResponse(labels_pdf(labels, title=f"{fair.name} — {artisan.name}"),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="labels-{fair.slug}-{artisan.slug}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
