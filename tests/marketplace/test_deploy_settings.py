"""Production settings: `manage.py check --deploy` has nothing to say, and secrets are required."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.slow  # a manage.py check process
def test_check_deploy_passes_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_DEBUG="0",
                        DJANGO_SECRET_KEY="x" * 20 + "-production-like-secret-key-for-the-check-only-0123456789")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
