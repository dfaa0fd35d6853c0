"""An import stopped for real (SIGKILL, SIGINT) continues on the next run without duplicates, and ends with
exactly the catalog an uninterrupted run gives."""

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


def command(path: Path, url: str, state_dir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "catalog_import", str(path), "--url", url, "--email", CURATOR[0], "--password",
            CURATOR[1], "--state-dir", str(state_dir), "--chunk-size", "20", "--quiet", *extra]


def done_in_state(state_dir: Path) -> int:
    total = 0
    for state in state_dir.glob("*.import-state.jsonl"):
        total += sum(1 for line in state.read_text().splitlines() if '"status"' in line)
    return total


def interrupt_after(cmd: list[str], state_dir: Path, products: int, sig: int) -> int:
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while done_in_state(state_dir) < products:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the import made no progress"
        time.sleep(0.05)
    process.send_signal(sig)
    process.communicate(timeout=60)
    return process.returncode


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_run_resumes_to_the_same_catalog(tmp_path, api_url, api, snapshot, sig):
    tag = "K" if sig == signal.SIGKILL else "I"
    interrupted = write_catalog(tmp_path / "interrupted.csv", COUNT, prefix=f"RS{tag}")
    reference = write_catalog(tmp_path / "reference.csv", COUNT, prefix=f"RF{tag}")
    state_dir = tmp_path / "state"
    code = interrupt_after(command(interrupted, api_url, state_dir), state_dir, 60, sig)
    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 130)
    done = done_in_state(state_dir)
    assert 60 <= done < COUNT

    report = tmp_path / "resumed.json"
    resumed = subprocess.run(command(interrupted, api_url, state_dir, "--report", str(report)), cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    data = json.loads(report.read_text())
    assert data["resumed"] >= 60 and data["summary"]["failed"] == 0
    assert data["summary"]["created"] + data["summary"]["unchanged"] + data["summary"]["updated"] == COUNT
    assert not list(state_dir.glob("*.import-state.jsonl"))  # a complete run leaves no state

    straight = subprocess.run(command(reference, api_url, tmp_path / "state2"), cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
    assert straight.returncode == 0, straight.stdout + straight.stderr
    skus = [f"{n:05d}" for n in range(COUNT)]
    got = snapshot(api, [f"RS{tag}-{s}" for s in skus], strip=f"RS{tag}-")
    expected = snapshot(api, [f"RF{tag}-{s}" for s in skus], strip=f"RF{tag}-")
    assert len(got) == COUNT and got == expected  # SKUs and external ids are unique: no duplicate possible
