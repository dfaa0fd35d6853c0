"""An import stopped for real continues on the next run without duplicates, and ends with exactly the catalog
an uninterrupted run gives; the interrupted run's summary counts what the server holds.

- Deterministic: the `--stop-after-chunks K` test hook sends the process a real SIGINT right after chunk K,
  through the same handler as a Ctrl-C: exit 130 and exactly K chunks on the server, every time.
- Real signals (SIGINT, SIGTERM, SIGKILL) sent from outside once the import has made progress: whenever they
  arrive, the run ends with 130 (or -9), or with 0 if it had already finished; the next run completes it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog_import.examples.synthetic import write_catalog

CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")
ROOT = Path(__file__).resolve().parents[2]
COUNT = 200
CHUNK = 20


def command(path: Path, url: str, state_dir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "catalog_import", str(path), "--url", url, "--email", CURATOR[0], "--password",
            CURATOR[1], "--state-dir", str(state_dir), "--chunk-size", str(CHUNK), "--quiet", *extra]


def done_in_state(state_dir: Path) -> int:
    total = 0
    for state in state_dir.glob("*.import-state.jsonl"):
        total += sum(1 for line in state.read_text().splitlines() if '"status"' in line)
    return total


def on_server(api, prefix: str) -> int:
    skus = [f"{prefix}-{n:05d}" for n in range(COUNT)]
    found = 0
    for start in range(0, COUNT, 100):
        found += len(api.execute("ImportExistingVariants",
                                 {"skus": skus[start:start + 100]})["productVariants"]["edges"])
    return found


def resume_and_compare(tmp_path: Path, interrupted: Path, url: str, api, snapshot, state_dir: Path, tag: str,
                       already: int) -> None:
    report = tmp_path / "resumed.json"
    resumed = subprocess.run(command(interrupted, url, state_dir, "--report", str(report)), cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    data = json.loads(report.read_text())
    assert data["summary"]["failed"] == 0 and data["resumed"] >= already
    assert data["summary"]["created"] + data["summary"]["unchanged"] + data["summary"]["updated"] == COUNT
    assert "Resuming an interrupted run" in resumed.stdout
    assert not list(state_dir.glob("*.import-state.jsonl"))  # a complete run leaves no state

    reference = write_catalog(tmp_path / "reference.csv", COUNT, prefix=f"RF{tag}")
    straight = subprocess.run(command(reference, url, tmp_path / "state2"), cwd=ROOT, capture_output=True,
                              text=True, timeout=600)
    assert straight.returncode == 0, straight.stdout + straight.stderr
    skus = [f"{n:05d}" for n in range(COUNT)]
    got = snapshot(api, [f"RS{tag}-{s}" for s in skus], strip=f"RS{tag}-")
    expected = snapshot(api, [f"RF{tag}-{s}" for s in skus], strip=f"RF{tag}-")
    assert len(got) == COUNT and got == expected  # SKUs and external ids are unique: no duplicate possible


@pytest.mark.slow
def test_a_stop_after_chunk_k_is_deterministic_and_resumes_to_the_same_catalog(tmp_path, api_url, api, snapshot):
    interrupted = write_catalog(tmp_path / "interrupted.csv", COUNT, prefix="RSH")
    state_dir = tmp_path / "state"
    report = tmp_path / "interrupted.json"
    stopped = subprocess.run(command(interrupted, api_url, state_dir, "--stop-after-chunks", "3", "--report",
                                     str(report), "--lang", "fr"), cwd=ROOT, capture_output=True, text=True,
                                     timeout=600)
    assert stopped.returncode == 130, stopped.stdout + stopped.stderr
    data = json.loads(report.read_text())
    # the summary counts what the server has: exactly three chunks, recorded, and nothing else started
    assert data["summary"]["created"] == 3 * CHUNK == on_server(api, "RSH") == done_in_state(state_dir)
    assert data["interrupted"] and data["not_started"] == COUNT - 3 * CHUNK
    lines = stopped.stdout.splitlines()
    assert "créés : 60, mis à jour : 0, inchangés : 0, en échec : 0" in lines
    assert "Produits pas encore traités : 140." in lines
    assert lines[-1].startswith("Interrompu : l'API contient ce qui est compté ci-dessus")
    assert "Rien à faire" not in stopped.stdout
    resume_and_compare(tmp_path, interrupted, api_url, api, snapshot, state_dir, "H", 3 * CHUNK)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_real_signal_whenever_it_arrives_leaves_a_run_that_resumes(tmp_path, api_url, api, snapshot, sig):
    tag = {signal.SIGINT: "I", signal.SIGTERM: "T", signal.SIGKILL: "K"}[sig]
    interrupted = write_catalog(tmp_path / "interrupted.csv", COUNT, prefix=f"RS{tag}")
    state_dir = tmp_path / "state"
    report = tmp_path / "interrupted.json"
    process = subprocess.Popen(command(interrupted, api_url, state_dir, "--report", str(report)), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               # a shell's background job: SIGINT inherited as ignored must not matter
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    deadline = time.monotonic() + 300
    while done_in_state(state_dir) < CHUNK and process.poll() is None:
        assert time.monotonic() < deadline, "the import made no progress"
        time.sleep(0.05)
    process.send_signal(sig)
    signalled = time.monotonic()
    stdout, stderr = process.communicate(timeout=300)
    # Reported, not asserted (the machine is shared): the requests in flight finish, then the run exits.
    print(f"{signal.Signals(sig).name}: exit {process.returncode} "
          f"{time.monotonic() - signalled:.2f} s after the signal")
    if process.returncode == 0:  # it finished before the signal arrived: nothing to resume, and that is fine
        assert on_server(api, f"RS{tag}") == COUNT
        return
    assert process.returncode == (-signal.SIGKILL if sig == signal.SIGKILL else 130), stdout + stderr
    if sig != signal.SIGKILL:  # the summary counts what the server has, requests in flight included
        data = json.loads(report.read_text())
        assert data["interrupted"] and data["summary"]["failed"] == 0
        assert data["summary"]["created"] == on_server(api, f"RS{tag}")
        assert data["summary"]["created"] + data["not_started"] == COUNT
    resume_and_compare(tmp_path, interrupted, api_url, api, snapshot, state_dir, tag, done_in_state(state_dir))
