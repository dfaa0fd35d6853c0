"""GraphQL fuzz run: schemathesis (hypothesis-graphql underneath) generates documents for every query and
mutation of marketplace/graphql/schema.graphql and sends them to the API served by gunicorn with the
production settings, as an anonymous visitor, a buyer, an artisan member, a curator and an admin.
IDs are drawn from real objects as often as from garbage, so the resolvers past the ID check are reached.

Prints the cases run, the failures (HTTP 5xx, an answer that is not JSON, a GraphQL INTERNAL_ERROR) and
the unhandled errors in the server's log; exits 1 when there is any. Then the hostile corpus
(bench/fuzz_corpus.py: fragment bombs, nesting, numeric overflow, request shapes, over-long texts), with the
time the API took to refuse each fragment bomb.

    .venv/bin/python -m marketplace.core.embedded_db run-throwaway -- .venv/bin/python bench/fuzz_graphql.py
    FUZZ_EXAMPLES=40 (per operation and role, default 8) FUZZ_URL=http://127.0.0.1:8000 (an API already running)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_corpus  # noqa: E402
import proof_stack as stack  # noqa: E402

SCHEMA = stack.ROOT / "marketplace/graphql/schema.graphql"
# Scalars with garbage as well as plausible values: overflow, NaN, NUL bytes, wrong shapes.
ODD_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400", "-0", "99999999999999999999999", "0.000000001", "1,5", ""]


@dataclass
class FuzzReport:
    cases: int = 0
    by_status: Counter = field(default_factory=Counter)
    failures: list[dict[str, Any]] = field(default_factory=list)
    operations: int = 0
    log_errors: list[str] = field(default_factory=list)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.by_status.items() if status >= 500)

    def summary(self) -> str:
        lines = [f"operations: {self.operations}  cases run: {self.cases}  HTTP statuses: {dict(self.by_status)}",
                 f"5xx: {self.server_errors}  failures: {len(self.failures)}  "
                 f"unhandled errors in the server log: {len(self.log_errors)}"]
        seen = set()
        for failure in self.failures:
            key = (failure["operation"], failure["kind"])
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"  FAIL {failure['operation']} as {failure['role']}: {failure['kind']}\n"
                         f"       {failure['query'][:600]!r}")
        lines += [f"  LOG {line[:300]}" for line in self.log_errors[:20]]
        return "\n".join(lines)


def sample_ids(limit: int = 4) -> list[str]:
    """Global IDs of real objects of every kind the API names by ID (Django must be set up)."""
    from django.apps import apps

    from marketplace.core.graphql.ids import to_global_id

    kinds = {"Product": "catalog.Product", "ProductVariant": "catalog.ProductVariant",
             "Collection": "catalog.Collection", "Category": "catalog.Category", "ProductType": "catalog.ProductType",
             "Attribute": "catalog.Attribute", "Channel": "channels.Channel", "Artisan": "artisans.Artisan",
             "Warehouse": "inventory.Warehouse", "ProductMedia": "media.ProductMedia", "Order": "orders.Order",
             "Fulfillment": "orders.Fulfillment", "PayoutBatch": "payouts.PayoutBatch",
             "TransactionItem": "payments.TransactionItem", "Address": "accounts.Address",
             "ShippingMethod": "shipping.ShippingMethod", "Checkout": "checkout.Checkout"}
    ids = []
    for type_name, label in kinds.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        ids += [to_global_id(type_name, pk) for pk in model.objects.order_by("pk").values_list("pk", flat=True)[:limit]]
    return ids


def register_scalars(real_ids: list[str]) -> None:
    """Strategies for our custom scalars (and ID: real objects, forged IDs, garbage)."""
    import base64

    import schemathesis
    from hypothesis import strategies as st
    from schemathesis.graphql import nodes

    def forged(pair: tuple[str, str]) -> str:
        return base64.b64encode(f"{pair[0]}:{pair[1]}".encode()).decode()

    type_names = st.sampled_from(["Product", "ProductVariant", "Order", "Checkout", "Channel", "Artisan", "X", ""])
    odd_pks = st.sampled_from(["-1", "0", "99999999999999999999", "1.5", "abc", "", "1e3", "\x00", "٣"])
    ids = st.one_of(st.sampled_from(real_ids or ["UHJvZHVjdDox"]), st.tuples(type_names, odd_pks).map(forged),
                    st.text(max_size=20))
    numbers = st.one_of(st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
                        st.sampled_from(ODD_NUMBERS), st.integers().map(str))
    scalars = {
        "ID": ids.map(nodes.String),
        "Decimal": st.one_of(numbers.map(nodes.String), st.integers().map(nodes.Int)),
        "PositiveDecimal": st.one_of(numbers.map(nodes.String), st.floats(allow_nan=False).map(nodes.Float)),
        "WeightScalar": st.one_of(numbers.map(nodes.String), st.floats(allow_nan=False).map(nodes.Float)),
        "DateTime": st.one_of(st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=30)).map(nodes.String),
        "UUID": st.one_of(st.uuids().map(str), st.text(max_size=40)).map(nodes.String),
        "JSONString": st.sampled_from(['{"a": 1}', "[]", "{", '"x"', "null", '{"rib": "\\u0000"}']).map(nodes.String),
        "JSON": st.one_of(st.text(max_size=20).map(nodes.String), st.integers().map(nodes.Int)),
        "GenericScalar": st.one_of(st.text(max_size=20).map(nodes.String), st.integers().map(nodes.Int)),
        "Upload": st.text(max_size=10).map(nodes.String),
    }
    for name, strategy in scalars.items():
        schemathesis.graphql.scalar(name, strategy)


def operations(only: set[str] | None = None) -> list[Any]:
    import schemathesis

    schema = schemathesis.graphql.from_path(str(SCHEMA))
    result = [r.ok() for r in schema.get_all_operations()]
    if only:
        result = [op for op in result if op.label.split(".", 1)[1] in only]
    return result


def fuzz(url: str, tokens: dict[str, str | None], *, examples: int, real_ids: list[str],
         only: set[str] | None = None, skip_mutations_for: set[str] = frozenset(), seed: int = 20261129,
         read_log: Any = None, progress: bool = False) -> FuzzReport:
    """Every operation, `examples` cases per role. Roles in `skip_mutations_for` only send queries (a test
    on a shared database keeps an admin from deleting the catalog other tests read)."""
    import requests
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis.configuration import set_hypothesis_home_dir

    # Hypothesis keeps caches (constants, charmaps) even with database=None: under var/, not in the checkout.
    set_hypothesis_home_dir(Path(os.environ.get("MAALEM_VAR_DIR", stack.ROOT / "var")) / "hypothesis")
    register_scalars(real_ids)
    report = FuzzReport()
    session = requests.Session()
    ops = operations(only)
    report.operations = len(ops)

    def send(query: str, name: str, role: str, headers: dict[str, str]) -> None:
        report.cases += 1
        try:
            response = session.post(f"{url}/graphql/", json={"query": query}, headers=headers, timeout=60)
        except requests.RequestException as error:
            report.failures.append({"operation": name, "role": role, "query": query,
                                    "kind": f"no answer: {error.__class__.__name__}"})
            return
        report.by_status[response.status_code] += 1
        kind = None
        if response.status_code >= 500:
            kind = f"HTTP {response.status_code}"
        else:
            try:
                body = response.json()
            except ValueError:
                body, kind = {}, f"HTTP {response.status_code}, not JSON"
            internal = stack.internal_errors(body) if isinstance(body, dict) else []
            if internal:
                kind = f"INTERNAL_ERROR: {internal[0].get('message')}"
        if kind:
            report.failures.append({"operation": name, "role": role, "query": query, "kind": kind})

    def run_cases(operation: Any, name: str, role: str, token: str | None) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}

        @hypothesis_seed(seed)
        @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            send(case.body if isinstance(case.body, str) else case.body.get("query", ""), name, role, headers)

        run()

    for position, operation in enumerate(ops, 1):
        is_mutation = operation.label.startswith("Mutation.")
        name = operation.label.split(".", 1)[1]
        for role, token in tokens.items():
            if is_mutation and role in skip_mutations_for:
                continue
            run_cases(operation, name, role, token)
        if progress:
            print(f"  [{position}/{len(ops)}] {operation.label}: {report.cases} cases, "
                  f"{len(report.failures)} failures", flush=True)
    if read_log is not None:
        report.log_errors = stack.log_errors(read_log())
    return report


def demo_tokens(url: str) -> dict[str, str | None]:
    from demo.data import DEMO_ARTISAN_PASSWORD
    from marketplace.artisans.models import ArtisanMember

    member = ArtisanMember.objects.select_related("user").order_by("pk").first().user.email
    tokens: dict[str, str | None] = {"anonymous": None}
    for role, (email, password) in stack.DEMO_LOGINS.items():
        tokens[role] = stack.sign_in(url, email, password)
    tokens["member"] = stack.sign_in(url, member, DEMO_ARTISAN_PASSWORD)
    return tokens


def main() -> int:
    examples = int(os.environ.get("FUZZ_EXAMPLES", "8"))
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        print("DATABASE_URL is not set: run under `python -m marketplace.core.embedded_db run-throwaway --`")
        return 2
    stack.django_setup(database_url)
    stack.prepare_catalog()
    url = os.environ.get("FUZZ_URL")
    server = None
    if not url:
        log = Path(tempfile.mkdtemp(prefix="maalem-fuzz-")) / "api.log"
        server = stack.ApiServer(stack.production_env(database_url, rate_limit=None, LOG_LEVEL="INFO"), log, workers=2,
                                 threads=4)
        server.start()
        url = server.url
        print(f"API under gunicorn at {url}, log {log}")
    started = time.monotonic()
    try:
        tokens = demo_tokens(url)
        report = fuzz(url, tokens, examples=examples, real_ids=sample_ids(),
                      read_log=server.log_text if server else None, progress=True)
        from marketplace.artisans.models import ArtisanMember

        member = ArtisanMember.objects.select_related("user").order_by("pk").first().user.email
        hostile = fuzz_corpus.run(url, tokens, fuzz_corpus.member_targets(member))
        log_errors = stack.log_errors(server.log_text()) if server else []
    finally:
        if server:
            server.stop()
    print(f"\n{report.summary()}\nin {time.monotonic() - started:.0f} s ({examples} cases per operation and role)")
    print(hostile.summary())
    failed = report.failures or report.log_errors or hostile.failures or log_errors
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
