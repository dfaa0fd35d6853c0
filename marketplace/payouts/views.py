"""Payout files over HTTP (Bearer token): the bank-transfer CSV (staff) and statements (artisan or staff)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from marketplace.core.errors import PermissionDenied
from marketplace.payouts import services
from marketplace.payouts.documents import statement_pdf
from marketplace.payouts.models import PayoutBatch


def _forbidden(error: PermissionDenied) -> JsonResponse:
    return JsonResponse({"error": error.message}, status=403)


def transfers_csv(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = PayoutBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return JsonResponse({"error": "Not found."}, status=404)
    try:
        content = services.transfer_csv(batch, request.user)
    except PermissionDenied as error:
        return _forbidden(error)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maalem-payout-{batch.pk}.csv"'
    return response


def statement(request: HttpRequest, batch_id: int, artisan_id: int) -> HttpResponse:
    batch = PayoutBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return JsonResponse({"error": "Not found."}, status=404)
    try:
        entries = services.statement_entries(batch, artisan_id, request.user)
    except PermissionDenied as error:
        return _forbidden(error)
    if not entries:
        return JsonResponse({"error": "Not found."}, status=404)
    response = HttpResponse(statement_pdf(batch, entries), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="maalem-releve-{batch.pk}-{artisan_id}.pdf"'
    return response
