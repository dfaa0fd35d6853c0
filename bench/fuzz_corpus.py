"""Hand-written hostile requests for the fuzz run (issue 13), sent as raw HTTP bodies next to schemathesis'
generated documents: fragment bombs, repeated fields, deep nesting (of the document, the variables, the
JSON body), numeric overflow, malformed cursors, wrong request shapes, over-long texts and a body over the
cap. Each must be answered with JSON errors that carry a code (4xx or 200), never a 5xx, an INTERNAL_ERROR
or an answer without `extensions.code`.

Not a benchmark itself (run_all.py runs only *_bench.py): bench/fuzz_graphql.py and
tests/production_proof/test_fuzz.py run it."""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Case:
    name: str
    body: bytes
    role: str = "anonymous"
    content_type: str = "application/json"
    expect_status: tuple[int, ...] = (200, 400, 413)


@dataclass
class CorpusReport:
    cases: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"hostile corpus: {self.cases} cases, {len(self.failures)} failures"]
        lines += [f"  {name}: answered in {ms:.1f} ms" for name, ms in self.timings_ms.items()]
        lines += [f"  FAIL {f['case']} as {f['role']}: {f['kind']}" for f in self.failures]
        return "\n".join(lines)


def fragment_bomb(levels: int) -> str:
    parts = ["query{...F0}"] + [f"fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}" for i in range(levels)]
    return " ".join([*parts, f"fragment F{levels} on Query{{shop{{name}}}}"])


def _json(query: Any, variables: Any = None, **extra: Any) -> bytes:
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    return json.dumps({**body, **extra}).encode()


def _cursor(values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def cases(ids: dict[str, str]) -> list[Case]:
    """`ids`: global IDs the member's mutations aim at ("product", "variant", "artisan", "channel")."""
    products_after = 'query($a: String) { products(channel: "maroc", first: 2, after: $a) { edges { node { id } } } }'
    costly = ('query($f: Int = 100) { products(channel: "maroc", first: $f) { edges { node { name '
              'category { products(channel: "maroc", first: $f) { edges { node { name slug description '
              "seoTitle seoDescription created updatedAt rating } } } } } } } }")
    corpus = [
        # Query cost: bombs, repeated fields, variable defaults, depth through fragments.
        *[Case(f"fragment bomb N={n}", _json(fragment_bomb(n))) for n in (18, 30, 60)],
        Case("2000 copies of shop", _json("{" + " shop{name description}" * 2000 + "}")),
        Case("400 copies of shop", _json("{" + " shop{name}" * 400 + "}")),
        Case("variable default 100", _json(costly, {})),
        Case("literal nesting 300", _json("{" + "a{" * 300 + "b" + "}" * 300 + "}")),
        Case("list literal nesting 5000", _json('{ products(channel: "maroc", first: 1, ids: '
                                                + "[" * 5000 + "]" * 5000 + ") { totalCount } }")),
        # Request shapes.
        Case("query is a number", _json(5)),
        Case("query is an object", _json({"a": 1})),
        Case("variables are a list", _json("{ shop { name } }", [1, 2])),
        Case("variables are a JSON string of a list", _json("{ shop { name } }", "[1, 2]")),
        Case("operationName is a list", _json("{ shop { name } }", None, operationName=["x"])),
        Case("batched request", json.dumps([{"query": "{ shop { name } }"}]).encode()),
        Case("variables nested 600 deep", b'{"query": "query($m: JSONString) { shop { name } }", "variables": {"m": '
             + b"[" * 600 + b"1" + b"]" * 600 + b"}}"),
        Case("body nested 100000 deep", b'{"query": "{ shop { name } }", "extensions": ' + b"[" * 100_000
             + b"]" * 100_000 + b"}"),
        Case("not JSON", b"{not json"),
        Case("not UTF-8", b'{"query": "\xff\xfe"}'),
        Case("body over the cap", _json("{ shop { name } }", {"pad": "x" * (2 * 1024 * 1024)})),
        # Numbers and cursors.
        Case("price filter 1e400", _json('{ products(channel: "maroc", first: 2, filter: {price: {gte: 1e400}}) '
                                         "{ totalCount } }")),
        Case("price filter -1e400 variable", _json('query($f: ProductFilterInput) { products(channel: "maroc", '
                                                   "first: 2, filter: $f) { totalCount } }",
                                                   {"f": {"price": {"lte": "-1e400"}}})),
        *[Case(f"cursor {label}", _json(products_after, {"a": cursor})) for label, cursor in (
            ("decimal abc", _cursor([{"d": "abc"}, 1])), ("text for a number", _cursor(["abc", "x"])),
            ("bad date", _cursor([{"t": "yesterday"}, 1])), ("null", _cursor([None, 1])),
            ("huge int", _cursor(["a", 2**80])), ("not base64", "%%%"), ("deep", _cursor([[[[[[1]]]]]])))],
        Case("first 2^40", _json('{ products(channel: "maroc", first: 1099511627776) { totalCount } }')),
        # Over-long and invisible texts, out-of-range numbers, as the product's artisan member.
        Case("weight 1e300", _json("mutation($id: ID!) { productUpdate(id: $id, input: {weight: 1e300}) "
                                   "{ errors { code } } }", {"id": ids["product"]}), role="member"),
        Case("300-character name", _json("mutation($id: ID!, $n: String) { productUpdate(id: $id, input: {name: $n}) "
                                         "{ errors { code } } }", {"id": ids["product"], "n": "N" * 300}),
             role="member"),
        Case("300-character translation", _json(
            "mutation($id: ID!, $n: String) { productTranslate(id: $id, languageCode: EN, input: {name: $n}) "
            "{ errors { code } } }", {"id": ids["product"], "n": "N" * 300}), role="member"),
        Case("300-character city", _json("mutation($id: ID!, $c: String) { artisanUpdate(id: $id, input: {city: $c}) "
                                         "{ errors { code } } }", {"id": ids["artisan"], "c": "C" * 300}),
             role="member"),
        Case("zero-width name", _json("mutation($id: ID!) { productUpdate(id: $id, input: {name: \"\u200b\u200b\"}) "
                                      "{ errors { code } } }", {"id": ids["product"]}), role="member"),
        Case("bidi slug", _json("mutation($id: ID!) { productUpdate(id: $id, input: {slug: \"../../x y\\\"<>\"}) "
                                "{ errors { code } } }", {"id": ids["product"]}), role="member"),
        Case("price 1e300", _json("mutation($id: ID!, $c: ID!) { productVariantChannelListingUpdate(id: $id, "
                                  'input: [{channelId: $c, price: "1e300"}]) { errors { code } } }',
                                  {"id": ids["variant"], "c": ids["channel"]}), role="member"),
        Case("sku of 300 characters", _json("mutation($id: ID!, $s: String) { productVariantUpdate(id: $id, "
                                            "input: {sku: $s}) { errors { code } } }",
                                            {"id": ids["variant"], "s": "S" * 300}), role="member"),
        Case("external reference of 300 characters", _json(
            "mutation($id: ID!, $r: String) { productVariantUpdate(id: $id, input: {externalReference: $r}) "
            "{ errors { code } } }", {"id": ids["variant"], "r": "R" * 300}), role="member"),
    ]
    return corpus


def _send(url: str, case: Case, token: str | None, timeout: float) -> tuple[int, bytes, float]:
    headers = {"Content-Type": case.content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{url}/graphql/", data=case.body, headers=headers, method="POST")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    return status, raw, (time.perf_counter() - started) * 1000


def _problem(status: int, raw: bytes, case: Case) -> str | None:
    if status >= 500:
        return f"HTTP {status}"
    if status not in case.expect_status:
        return f"unexpected HTTP {status}"
    try:
        body = json.loads(raw)
    except ValueError:
        return f"HTTP {status}, not JSON: {raw[:80]!r}"
    errors = body.get("errors") if isinstance(body, dict) else None
    for error in errors or []:
        code = (error.get("extensions") or {}).get("code")
        if code in (None, "INTERNAL_ERROR") or str(error.get("message", "")).startswith("Internal error"):
            return f"error without a client code: {error}"
    data = body.get("data") if isinstance(body, dict) else None
    for payload in (data or {}).values() if isinstance(data, dict) else []:
        if isinstance(payload, dict) and payload.get("errors") == [] and case.role == "member":
            return "a hostile input was accepted"
    return None


def run(url: str, tokens: dict[str, str | None], ids: dict[str, str], *, timeout: float = 60,
        read_log: Callable[[], str] | None = None) -> CorpusReport:
    report = CorpusReport()
    for case in cases(ids):
        token = tokens.get(case.role)
        status, raw, elapsed = _send(url, case, token, timeout)
        report.cases += 1
        if case.name.startswith("fragment bomb") or case.name.startswith("2000 copies"):
            report.timings_ms[case.name] = elapsed
        problem = _problem(status, raw, case)
        if problem:
            report.failures.append({"case": case.name, "role": case.role, "kind": problem})
    return report


def member_targets(member_email: str) -> dict[str, str]:
    """IDs of the member's own product, variant, artisan and the maroc channel (Django must be set up)."""
    from marketplace.artisans.models import ArtisanMember
    from marketplace.catalog.models import ProductVariant
    from marketplace.channels.models import Channel
    from marketplace.core.graphql.ids import to_global_id

    artisan_id = ArtisanMember.objects.filter(user__email=member_email).values_list("artisan_id", flat=True).first()
    variant = ProductVariant.objects.filter(product__artisan_id=artisan_id).order_by("pk").first()
    return {"product": to_global_id("Product", variant.product_id),
            "variant": to_global_id("ProductVariant", variant.pk),
            "artisan": to_global_id("Artisan", artisan_id),
            "channel": to_global_id("Channel", Channel.objects.get(slug="maroc").pk)}
