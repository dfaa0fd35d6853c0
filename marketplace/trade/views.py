"""File endpoints of trade: the line sheet PDF and the XLSX order form, behind signed expiring links
(links.py) that `tradeLineSheet` hands to verified accounts and staff. The signer is checked again here:
a link stops working as soon as its account is no longer allowed to see the channel."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from marketplace.accounts.models import User
from marketplace.catalog.models import Collection
from marketplace.channels.models import Channel
from marketplace.channels.selectors import can_see_channel
from marketplace.trade.access import trade_account_of
from marketplace.trade.line_sheets import build_line_sheet
from marketplace.trade.links import unsign

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(token: str):
    payload = unsign(token)
    if payload is None:
        return None
    user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
    channel = Channel.objects.filter(pk=payload.get("ch")).first()
    if user is None or channel is None or not can_see_channel(user, channel):
        return None
    collection = Collection.objects.filter(pk=payload["c"]).first() if payload.get("c") else None
    if payload.get("c") and collection is None:
        return None
    return build_line_sheet(channel, payload.get("l") or "en", collection, trade_account_of(user))


def line_sheet(request: HttpRequest, token: str) -> HttpResponse:
    from marketplace.trade.documents import line_sheet_pdf

    sheet = _sheet(token)
    if sheet is None:
        return JsonResponse({"error": "This link has expired or is not valid: ask for a new one."}, status=404)
    response = HttpResponse(line_sheet_pdf(sheet), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="maalem-line-sheet.pdf"'
    return response


def order_form(request: HttpRequest, token: str) -> HttpResponse:
    from marketplace.trade.order_form import order_form_xlsx

    sheet = _sheet(token)
    if sheet is None:
        return JsonResponse({"error": "This link has expired or is not valid: ask for a new one."}, status=404)
    response = HttpResponse(order_form_xlsx(sheet), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="maalem-order-form.xlsx"'
    return response
