"""Every response carries a request id (the caller's when acceptable) and JSON log lines include it."""

from __future__ import annotations

import io
import json
import logging

import pytest
from pythonjsonlogger.json import JsonFormatter

from marketplace.core.request_id import RequestIdLogFilter

pytestmark = pytest.mark.django_db


def test_request_id_is_echoed_or_made(client):
    given = client.get("/health/live", HTTP_X_REQUEST_ID="storefront-1234abcd")
    assert given["X-Request-ID"] == "storefront-1234abcd"
    hostile = client.get("/health/live", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    made = hostile["X-Request-ID"]
    assert made != "<script>alert(1)</script>" and len(made) == 32


def test_json_log_lines_carry_the_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s %(request_id)s"))
    handler.addFilter(RequestIdLogFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.post("/graphql/", data="not json", content_type="application/json",
                               HTTP_X_REQUEST_ID="trace-0000feedbeef")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 400
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert any(line["request_id"] == "trace-0000feedbeef" and line["levelname"] == "WARNING" for line in lines), lines
