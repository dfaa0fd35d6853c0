"""Stripe's webhook: signature verified with the stripe library, each event applied once."""

from __future__ import annotations

import logging

import stripe
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.payments import services, stripe_gateway

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    if not settings.STRIPE_WEBHOOK_SECRET:
        return JsonResponse({"error": "Stripe webhooks are not configured."}, status=503)
    try:
        event = stripe_gateway.construct_event(request.body, request.headers.get("Stripe-Signature", ""))
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("Rejected Stripe webhook: %s", error)
        return JsonResponse({"error": "Invalid signature or payload."}, status=400)
    try:
        result = services.handle_stripe_event(event)
    except stripe.StripeError as error:
        # Stripe retries on non-2xx: the event id was not kept (the transaction rolled back).
        logger.warning("Stripe unreachable while handling %s: %s", event["id"], error)
        return JsonResponse({"error": "Temporarily unable to process."}, status=503)
    return JsonResponse({"received": True, "result": result})
