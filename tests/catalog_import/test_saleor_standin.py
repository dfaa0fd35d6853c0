"""The Saleor stand-in answers every recorded request of the importer (../shared/saleor/recorded/, real Saleor
3.23.28 responses) as Saleor did: same HTTP status, same top-level errors (message, path, code), same payload
errors (field or path, message, code), same data where the recording shows it (ids compared for presence
only: they are the recording server's). The requests are replayed in the recording's order, the ids Saleor
gave mapped to the stand-in's, so that what a recording reads back (an empty variant name stored as
"UHJvZHVjdFZhcmlhbnQ6Tm9uZQ==", a stock of -1, a listing without price) is checked too."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
import requests
from saleor_standin import RECORDED, server

from catalog_import.client import document

ORDER = [  # the recording session, as its ids and SKUs tell it
    "TokenCreate.success-staff-e-mail-and-password-sent-without-a-token",
    "TokenCreate.wrong-password", "TokenCreate.login-throttled-a-second-failed-attempt-right-after-the-firs",
    "TokenCreate.unknown-e-mail",
    "ImportChannels.*", "ImportCategories.*", "ImportAttributes.*", "ImportProductTypes.*", "ImportWarehouses.*",
    "ProductBulkCreate.success-one-product*", "ProductBulkCreate.success-product-whose*",
    "ProductBulkCreate.variant-name-empty-string", "ProductBulkCreate.channel-listing*",
    "ProductBulkCreate.unknown-category-id", "ProductBulkCreate.duplicate-sku-the-sku*",
    "ProductBulkCreate.duplicate-sku-two-rows*", "ProductBulkCreate.mixed-batch*", "ProductBulkCreate.anonymous*",
    "ImportExistingVariants.after-productbulkcreate*", "ImportExistingVariants.after-the-listing-without*",
    "ImportExistingVariants.success*", "ImportExistingVariants.no-sku*", "ImportExistingVariants.anonymous*",
    "ProductBulkTranslate.*", "ProductTranslate.*", "ProductUpdate.*", "ProductChannelListingUpdate.*",
    "ProductMediaCreate.*", "ProductVariantCreate.success*", "ProductVariantCreate.*",
    "ProductVariantChannelListingUpdate.*", "ProductVariantStocksUpdate.success*",
    "ProductVariantStocksUpdate.negative*", "ProductVariantStocksUpdate.*", "ProductVariantUpdate.*",
    "ImportExistingVariants.after-productvariantstocksupdate*",
]
# Read-backs of state built by requests that were not recorded (translations and media of other runs): the
# stand-in is compared on their shape and on the facts the README lists, not on every value.
SHAPE_ONLY = {"ImportExistingVariants.after-the-follow-up-updates-product-1-as-the-importer-reads-"}
IDS = {"id", "endCursor", "startCursor"}


def importer_cases() -> list[Path]:
    cases = [p for p in RECORDED.glob("*.json")
             if json.loads(p.read_text(encoding="utf-8"))["document"].startswith("catalog_import/graphql/saleor/")]

    def rank(path: Path) -> tuple[int, str]:
        from fnmatch import fnmatch

        return next((i for i, pattern in enumerate(ORDER) if fnmatch(path.stem, pattern)), len(ORDER)), path.stem

    return sorted(cases, key=rank)


def same(recorded: Any, got: Any, where: str, ids: dict[str, str], shape_only: bool) -> None:
    if isinstance(recorded, dict):
        assert isinstance(got, dict), f"{where}: {got!r} is not an object"
        for key, value in recorded.items():
            assert key in got, f"{where}: no {key!r} in {sorted(got)}"
            if key in IDS or value == "<token>":  # ids are the recording server's; tokens were masked
                assert (value is None) == (got[key] is None), f"{where}.{key}: {got[key]!r} for {value!r}"
                if isinstance(value, str) and isinstance(got[key], str) and key == "id":
                    ids.setdefault(value, got[key])
                continue
            same(value, got[key], f"{where}.{key}", ids, shape_only)
    elif isinstance(recorded, list):
        assert isinstance(got, list) and len(got) == len(recorded), f"{where}: {got!r} for {recorded!r}"
        for index, (a, b) in enumerate(zip(recorded, got, strict=True)):
            same(a, b, f"{where}[{index}]", ids, shape_only)
    elif isinstance(recorded, str) and recorded.startswith("{") and isinstance(got, str):
        assert json.loads(recorded) == json.loads(got), f"{where}: {got!r} for {recorded!r}"  # a JSONString
    elif isinstance(recorded, str) and re.fullmatch(r"(product|variant)-\d+_\d+", recorded):
        assert re.fullmatch(r"(product|variant)-\d+_\d+", str(got)), f"{where}: {got!r}"  # a numeric value's slug
    elif not shape_only or where.endswith((".name", ".quantity", ".code", ".message", ".field", ".path")):
        assert recorded == got, f"{where}: {got!r} for {recorded!r}"


def rewritten(value: Any, ids: dict[str, str]) -> Any:
    """The recording's ids of objects it created, as the stand-in named them (unknown ids kept)."""
    if isinstance(value, dict):
        return {k: rewritten(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [rewritten(v, ids) for v in value]
    return ids.get(value, value) if isinstance(value, str) else value


def upload_of(case: dict) -> dict[str, Any]:
    """The file part the recording sent: a real JPEG, or the text file, with its declared Content-Type."""
    from io import BytesIO

    from PIL import Image

    upload = case["upload"]
    if upload["filename"].startswith("notes"):
        data = b"notes de la cooperative: photos a refaire\n"[: upload["size"]]
    else:
        buffer = BytesIO()
        Image.new("RGB", (64, 48), (170, 60, 40)).save(buffer, "JPEG")
        data = buffer.getvalue()
    part = ((upload["filename"], data) if upload["contentType"] is None
            else (upload["filename"], data, upload["contentType"]))
    return {"0": part}


@pytest.fixture(scope="module")
def standin():
    with server() as running:
        token = requests.post(running.url, json={"query": document("TokenCreate"), "variables": {
            "email": "admin@example.com", "password": "admin"}}, timeout=30).json()["data"]["tokenCreate"]["token"]
        running.token = token
        running.ids = {}
        yield running


@pytest.mark.parametrize("path", importer_cases(), ids=lambda p: p.stem)
def test_the_stand_in_answers_as_saleor_did(standin, path):
    case = json.loads(path.read_text(encoding="utf-8"))
    name = Path(case["document"]).stem
    if name == "TokenCreate" and "throttled" not in path.stem:
        standin.store.failed_login_at = None  # the recording's attempts were apart, except the throttled one
    headers = {"Authorization": f"Bearer {standin.token}"} if case["role"] == "staff" else {}
    variables = rewritten(case["variables"], standin.ids)
    if case["upload"]:
        operations = json.dumps({"query": document(name), "variables": variables})
        response = requests.post(standin.url, headers=headers, timeout=30, data={
            "operations": operations, "map": json.dumps({"0": [f"variables.{case['upload']['field']}"]})},
            files=upload_of(case))
    else:
        response = requests.post(standin.url, json={"query": document(name), "variables": variables}, headers=headers,
                                 timeout=30)
    got = response.json()
    recorded = case["response"]
    assert response.status_code == case["status"], got
    assert ("data" in got) == ("data" in recorded), got
    for mine, theirs in zip(got.get("errors") or [], recorded.get("errors") or [], strict=True):
        message = re.sub(r"till .* due", "till <time> due", theirs["message"])
        if case["status"] == 200:  # a 400's message is graphql-core's wording of the same refusal
            assert mine["message"] == message
            assert mine.get("path") == theirs.get("path")
        assert mine["extensions"]["exception"]["code"] == theirs["extensions"]["exception"]["code"]
    if case["status"] == 400:
        assert any(word in got["errors"][0]["message"] for word in ("channelListings", "PositiveDecimal"))
    if recorded.get("data") is not None:
        same(recorded["data"], got["data"], name, standin.ids, path.stem in SHAPE_ONLY)
        if case["role"] == "staff" and name == "ProductBulkCreate":  # the ids it created, for what follows
            for theirs, mine in zip(recorded["data"]["productBulkCreate"]["results"],
                                    got["data"]["productBulkCreate"]["results"], strict=True):
                if theirs["product"]:
                    standin.ids[theirs["product"]["id"]] = mine["product"]["id"]
                    for a, b in zip(theirs["product"]["variants"], mine["product"]["variants"], strict=True):
                        standin.ids[a["id"]] = b["id"]
    elif "data" in recorded:
        assert got["data"] is None


def test_every_recorded_importer_case_is_replayed():
    assert len(importer_cases()) >= 60  # the README's table: every document of catalog_import/graphql/saleor/
    assert base64.b64decode("UHJvZHVjdFZhcmlhbnQ6Tm9uZQ==") == b"ProductVariant:None"
