"""The proforma invoice of a bank-transfer order: the order token (a secret link) is the key."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse, JsonResponse

from marketplace.orders.documents import render_proforma
from marketplace.orders.models import Order


def proforma(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    order = Order.objects.filter(token=token, payment_method=Order.Payment.BANK_TRANSFER).select_related(
        "channel").first()
    if order is None:
        return JsonResponse({"error": "Not found."}, status=404)
    response = HttpResponse(render_proforma(order), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="maalem-proforma-{order.number}.pdf"'
    return response
