"""The state file survives torn writes, the report formats, and the HTTP client's retries (against a real
HTTP server on loopback that fails the way servers fail)."""

from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from catalog_import.client import ApiError, ConnectionFailed, GraphQLClient
from catalog_import.model import Problem
from catalog_import.report import Outcome, Result, write_report
from catalog_import.state import StateFile, state_path


def test_state_file_resumes_and_ignores_a_torn_last_line(tmp_path):
    path = state_path(tmp_path / "catalog.csv", "http://api/graphql/", tmp_path / "state")
    state = StateFile(path)
    state.record([{"key": "A", "fingerprint": "f1", "status": "created", "product_id": "P1"},
                  {"key": "B", "fingerprint": "f2", "status": "failed", "product_id": None}])
    state.record_photo("P1", "abc")
    state.close(complete=False)
    with path.open("a") as handle:
        handle.write('{"key": "C", "fingerp')  # the process was killed mid-write
    again = StateFile(path)
    assert again.finished("A", "f1") and not again.finished("A", "changed") and not again.finished("B", "f2")
    assert not again.finished("C", "x") and again.photos == {"P1": {"abc"}}
    again.close(complete=True)
    assert not path.exists()


def test_report_json_and_csv(tmp_path):
    result = Result(lang="fr", problems=[Problem(3, "prix_mad", "NOT_A_NUMBER", {"value": "x"})])
    result.outcomes = [Outcome("K", [2, 3], ["S1", "S2"], "failed", None, [], "permission denied"),
                       Outcome("L", [4], ["S3"], "created", "UHJvZHVjdDox")]
    write_report(result, tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["summary"] == {"created": 1, "updated": 0, "unchanged": 0, "failed": 1}
    assert data["problems"][0]["message"] == "'x' n'est pas un nombre."
    write_report(result, tmp_path / "r.csv")
    rows = list(csv.reader((tmp_path / "r.csv").open()))
    assert rows[1][:3] == ["problem", "3", "prix_mad"]
    assert rows[2][:6] == ["product", "2,3", "", "K", "S1,S2", "failed"]


class Flaky(BaseHTTPRequestHandler):
    failures: list[int] = []
    calls = 0

    def do_POST(self):
        type(self).calls += 1
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status = type(self).failures.pop(0) if type(self).failures else 200
        body = json.dumps({"data": {"ok": True}} if status == 200 else {"errors": [{"message": "busy"}]}).encode()
        if status == 400:
            body = json.dumps({"errors": [{"message": "Cannot query field 'x'"}]}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def flaky_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    Flaky.calls, Flaky.failures = 0, []
    yield f"http://127.0.0.1:{server.server_address[1]}/graphql/"
    server.shutdown()


def test_client_retries_5xx_and_429_with_backoff(flaky_server):
    delays: list[float] = []
    Flaky.failures = [503, 429, 502]
    client = GraphQLClient(flaky_server, backoff=0.01, sleep=delays.append)
    assert client.execute("ImportChannels") == {"ok": True}
    assert Flaky.calls == 4 and client.retried == 3
    assert delays[0] < delays[1] < delays[2]  # exponential


def test_client_gives_up_after_retries_and_does_not_retry_graphql_errors(flaky_server):
    Flaky.failures = [500] * 5
    client = GraphQLClient(flaky_server, retries=2, backoff=0.0, sleep=lambda s: None)
    with pytest.raises(ConnectionFailed):
        client.execute("ImportChannels")
    assert Flaky.calls == 3
    Flaky.calls, Flaky.failures = 0, [400]
    with pytest.raises(ApiError, match="Cannot query field"):
        client.execute("ImportChannels")
    assert Flaky.calls == 1


def test_client_reports_an_unreachable_server():
    client = GraphQLClient("http://127.0.0.1:9/graphql/", retries=1, backoff=0.0, sleep=lambda s: None)
    with pytest.raises(ConnectionFailed, match="127.0.0.1:9"):
        client.execute("ImportChannels")


def test_saleor_target_sends_only_documents_of_graphql_saleor():
    """Every document the importer sends exists under graphql/saleor/ (valid against Saleor 3.23, checked by
    the project's compat test), except the artisans query and the lookup with the variants' customs data,
    which only the marketplace target sends."""
    import re
    from pathlib import Path

    import catalog_import
    from catalog_import import apply, photo_upload
    from catalog_import.client import GRAPHQL_DIR

    package = Path(catalog_import.__file__).parent
    sent = set()
    for source in package.glob("*.py"):
        sent |= set(re.findall(r'(?:execute|upload|call)\(\s*"(\w+)"', source.read_text()))
        sent |= set(re.findall(r'_pages\(client, (?:types_query|"(\w+)")', source.read_text()))
    sent |= set(apply.LOOKUP.values()) | set(photo_upload.UPLOAD.values())
    sent |= {"ImportProductTypes", "ImportProductTypesWithNames"}
    sent.discard("")
    assert {"ProductBulkCreate", "ImportExistingVariants", "ProductMediaCreate", "ImportArtisans",
            "ProductVariantUpdate", "ProductVariantStocksUpdate", "ProductTranslate", "ProductMediaDelete"} <= sent
    marketplace_only = {name for name in sent if not (GRAPHQL_DIR / "saleor" / f"{name}.graphql").exists()}
    assert marketplace_only == {"ImportArtisans", "ImportExistingVariantsWithCustoms", "ImportProductTypesWithNames",
                                "ImportProductMediaCreateWithStatus"}
    # the marketplace twins are this API's extensions; the Saleor target names the Saleor documents
    assert apply.LOOKUP["saleor"] == "ImportExistingVariants" and photo_upload.UPLOAD["saleor"] == "ProductMediaCreate"
    reference = (package / "reference.py").read_text()
    assert re.search(r'if target == "marketplace":\n\s+ref.artisans = .*\n.*"ImportArtisans"', reference)
    assert ('types_query = "ImportProductTypesWithNames" if '
            'target == "marketplace" else "ImportProductTypes"' in reference)
