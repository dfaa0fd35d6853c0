"""A local stand-in for the few Stripe HTTP endpoints Maalem calls, for tests and offline development:
create/retrieve/confirm PaymentIntent and create Refund, on 127.0.0.1, with Stripe's JSON shapes and
secret-key authentication; `signed_event` signs webhook payloads as Stripe does (t=..., v1=HMAC-SHA256).

    python -m marketplace.payments.stripe_standin  # serves on 127.0.0.1:12111
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

# Stripe's test cards by PaymentMethod id: what a confirmation with each one does.
DECLINED_METHODS = {"pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"}


def _form(body: str) -> dict[str, Any]:
    """Stripe's form encoding (metadata[key]=v, a[b][c]=v) into nested dicts."""
    data: dict[str, Any] = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = key.replace("]", "").split("[")
        target = data
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return data


class StripeStandIn:
    def __init__(self, secret_key: str = "sk_test_standin", port: int = 0):
        self.secret_key = secret_key
        self.intents: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.requests: list[tuple[str, str]] = []
        self._idempotent: dict[str, tuple[int, dict]] = {}
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        # A short poll so that stop() returns at once (shutdown waits for the loop to look up).
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> StripeStandIn:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # The API -------------------------------------------------------------------------------------------
    def handle(self, method: str, path: str, form: dict[str, Any]) -> tuple[int, dict]:
        parts = [p for p in path.split("?")[0].split("/") if p]
        if parts[:2] == ["v1", "payment_intents"]:
            if method == "POST" and len(parts) == 2:
                return self._create_intent(form)
            intent = self.intents.get(parts[2]) if len(parts) > 2 else None
            if intent is None:
                return 404, _error("resource_missing", "No such payment_intent")
            if method == "GET" and len(parts) == 3:
                return 200, intent
            if method == "POST" and parts[3:] == ["confirm"]:
                return self._confirm(intent, form)
        if parts == ["v1", "refunds"] and method == "POST":
            return self._refund(form)
        return 404, _error("resource_missing", f"Unrecognized request URL ({method}: {path})")

    def _create_intent(self, form: dict) -> tuple[int, dict]:
        try:
            amount = int(form["amount"])
        except (KeyError, ValueError):
            return 400, _error("parameter_missing", "Missing required param: amount.")
        if amount < 1 or not form.get("currency"):
            return 400, _error("parameter_invalid_integer", "Invalid amount or currency.")
        intent_id = "pi_" + secrets.token_hex(12)
        intent = {"id": intent_id, "object": "payment_intent", "amount": amount, "amount_received": 0,
                  "currency": form["currency"], "status": "requires_payment_method",
                  "metadata": form.get("metadata", {}),
                  "client_secret": f"{intent_id}_secret_{secrets.token_hex(12)}", "created": int(time.time()),
                  "latest_charge": None, "last_payment_error": None, "livemode": False}
        self.intents[intent_id] = intent
        return 200, intent

    def _confirm(self, intent: dict, form: dict) -> tuple[int, dict]:
        if intent["status"] == "succeeded":
            return 400, _error("payment_intent_unexpected_state", "This PaymentIntent has already succeeded.")
        method = form.get("payment_method", "pm_card_visa")
        if method in DECLINED_METHODS:
            intent.update(status="requires_payment_method",
                          last_payment_error={"code": "card_declined", "message": "Your card was declined."})
            return 402, {"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined.",
                                   "payment_intent": intent}}
        intent.update(status="succeeded", amount_received=intent["amount"], latest_charge="ch_" + secrets.token_hex(12),
                      last_payment_error=None)
        return 200, intent

    def _refund(self, form: dict) -> tuple[int, dict]:
        intent = self.intents.get(form.get("payment_intent", ""))
        if intent is None or intent["status"] != "succeeded":
            return 400, _error("charge_not_refundable", "This PaymentIntent has no successful charge to refund.")
        refunded = sum(r["amount"] for r in self.refunds.values() if r["payment_intent"] == intent["id"])
        amount = int(form.get("amount") or intent["amount_received"] - refunded)
        if amount < 1 or refunded + amount > intent["amount_received"]:
            return 400, _error("amount_too_large", "Refund amount is greater than the unrefunded amount.")
        refund = {"id": "re_" + secrets.token_hex(12), "object": "refund", "amount": amount, "status": "succeeded",
                  "currency": intent["currency"], "payment_intent": intent["id"], "charge": intent["latest_charge"],
                  "created": int(time.time())}
        self.refunds[refund["id"]] = refund
        return 200, refund

    # Webhooks ------------------------------------------------------------------------------------------
    @staticmethod
    def signed_event(event_type: str, obj: dict, secret: str, *, event_id: str | None = None,
                     created: int | None = None) -> tuple[bytes, str]:
        """A Stripe event payload and its Stripe-Signature header."""
        event = {"id": event_id or "evt_" + secrets.token_hex(12), "object": "event", "type": event_type,
                 "created": created or int(time.time()), "data": {"object": obj}, "livemode": False,
                 "api_version": "2024-06-20"}
        payload = json.dumps(event).encode()
        timestamp = int(time.time())
        signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
        return payload, f"t={timestamp},v1={signature}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                auth = self.headers.get("Authorization", "")
                publishable = self.path.endswith("/confirm")  # Stripe.js confirms with the publishable key
                if not publishable and auth != f"Bearer {standin.secret_key}":
                    status, data = 401, _error("invalid_api_key", "Invalid API Key provided.",
                                               kind="invalid_request_error")
                else:
                    key = self.headers.get("Idempotency-Key")
                    with standin._lock:
                        standin.requests.append((method, self.path))
                        if key and (method, key) in standin._idempotent:
                            status, data = standin._idempotent[(method, key)]
                        else:
                            status, data = standin.handle(method, self.path, _form(body))
                            if key:
                                standin._idempotent[(method, key)] = (status, data)
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Request-Id", "req_" + secrets.token_hex(8))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:  # noqa: N802
                self._serve("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._serve("POST")

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


def _error(code: str, message: str, kind: str = "invalid_request_error") -> dict:
    return {"error": {"type": kind, "code": code, "message": message}}


if __name__ == "__main__":
    import os

    server = StripeStandIn(os.environ.get("STRIPE_SECRET_KEY", "sk_test_standin"), port=12111)
    print(f"Stripe stand-in on {server.url}")
    server.server.serve_forever()
