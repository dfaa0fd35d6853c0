"""The deployment files cannot go stale: .env.example lists every variable the code reads, docker-compose.yml
has every service with a health check and named volumes, the image runs as a non-root user, and every
periodic job of Celery beat names a registered task."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CODE_FOLDERS = ("marketplace", "storefront", "catalog_import")
# os.environ.get("X"), os.environ["X"], os.getenv("X"), env_bool("X"), env_list("X"), over line breaks too.
READ = re.compile(r"""(?:os\.environ\.get|os\.getenv|env_bool|env_list)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
                  r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\](?!\s*=[^=])""")
NOT_CONFIGURATION = {"DJANGO_SETTINGS_MODULE"}  # chosen by the entry points, not by the operator
SERVICES = {"postgres", "redis", "minio", "createbuckets", "migrate", "api", "worker", "beat", "storefront"}
ONE_SHOTS = {"createbuckets", "migrate"}


def variables_read_by_code() -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in CODE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for match in READ.finditer(path.read_text(encoding="utf-8")):
                name = match.group(1) or match.group(2)
                found.setdefault(name, str(path.relative_to(ROOT)))
    return {k: v for k, v in found.items() if k not in NOT_CONFIGURATION}


def env_example() -> dict[str, str]:
    """NAME -> the comment line just above it; both `NAME=value` and optional `# NAME=value` lines count."""
    entries: dict[str, str] = {}
    comment = ""
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^#?\s?([A-Z][A-Z0-9_]+)=", line)
        if match:
            entries[match.group(1)] = comment
        elif line.startswith("#"):
            comment = line
        else:
            comment = ""
    return entries


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_the_reader_finds_variables_in_every_form():
    sample = ('os.environ.get(\n    "SPLIT_LINE")\nos.environ["BRACKET"]\nos.environ["SET"] '
              '= "x"\nenv_bool("FLAG", True)')
    names = {m.group(1) or m.group(2) for m in READ.finditer(sample)}
    assert names == {"SPLIT_LINE", "BRACKET", "FLAG"}


def test_env_example_lists_every_variable_the_code_reads():
    read, listed = variables_read_by_code(), env_example()
    assert len(read) > 60, "the grep found too little: has the settings' style changed?"
    missing = {name: where for name, where in read.items() if name not in listed}
    assert not missing, f"add these to .env.example (with a comment): {missing}"


def test_env_example_lists_nothing_unused_and_comments_every_entry():
    read, listed = variables_read_by_code(), env_example()
    compose_text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    unused = [name for name in listed if name not in read and f"${{{name}" not in compose_text]
    assert not unused, f"read by neither the code nor docker-compose.yml: {unused}"
    uncommented = [name for name, comment in listed.items() if not comment]
    assert not uncommented, f"give these a comment line in .env.example: {uncommented}"


def test_compose_has_every_service_with_a_health_check_and_named_volumes():
    spec = compose()
    services = spec["services"]
    assert set(services) == SERVICES
    declared = set(spec["volumes"])
    for name, service in services.items():
        check = service.get("healthcheck")
        assert check, f"{name} has no healthcheck"
        if name in ONE_SHOTS:
            assert check == {"disable": True} and service["restart"] == "no", name
        else:
            assert check["test"][0] in {"CMD", "CMD-SHELL"} and service.get("restart") == "unless-stopped", name
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert not source.startswith((".", "/")), f"{name} mounts a host path: {volume}"
            assert source in declared, f"{name} uses an undeclared volume {source}"
    assert {"pgdata", "redisdata", "miniodata", "media"} <= declared


def test_compose_wiring():
    services = compose()["services"]
    for one_shot in ONE_SHOTS:
        waiting = [n for n, s in services.items() if s.get("depends_on", {}).get(one_shot)]
        assert waiting and all(services[n]["depends_on"][one_shot]["condition"] == "service_completed_successfully"
                               for n in waiting)
    api = services["api"]
    assert api["environment"]["S3_ENDPOINT_URL"] == "http://minio:9000"
    assert api["environment"]["AWS_STORAGE_BUCKET_NAME"] == "maalem-media"
    assert "beat" in services["beat"]["command"] and "worker" in services["worker"]["command"]
    storefront = services["storefront"]
    assert storefront["environment"]["API_URL"] == "http://api:8000/graphql/"
    assert storefront["depends_on"]["api"]["condition"] == "service_healthy"
    # The API believes X-Forwarded-For from the storefront's fixed address only.
    assert api["environment"]["TRUSTED_PROXIES"] == storefront["networks"]["backend"]["ipv4_address"]
    assert "health/ready" in " ".join(api["healthcheck"]["test"])
    assert "health/ready" in " ".join(storefront["healthcheck"]["test"])


def test_docker_compose_config_when_the_cli_can_parse_offline(tmp_path):
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("no docker compose CLI on this machine (the YAML checks above still run)")
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text())
    result = subprocess.run([docker, "compose", "-f", str(ROOT / "docker-compose.yml"), "--env-file",
                             str(tmp_path / ".env"), "config", "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_image_runs_as_a_non_root_user():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
    assert users and users[-1] not in {"root", "0"}
    assert re.search(r"useradd .*--uid 10001 maalem", dockerfile)


def test_every_beat_job_names_a_registered_task(settings):
    from marketplace.celery import app

    app.loader.import_default_modules()
    jobs = settings.CELERY_BEAT_SCHEDULE
    assert {"checkout.delete_expired_reservations", "payouts.create_scheduled_batches"} <= {
        job["task"] for job in jobs.values()}
    for name, job in jobs.items():
        assert job["task"] in app.tasks, f"beat job {name} names an unknown task {job['task']}"
        assert job["schedule"] > 0


def test_readme_configuration_table_names_every_variable():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):readme.index("\n## ", readme.index("## Configuration") + 5)]
    missing = sorted(name for name in variables_read_by_code() if f"`{name}`" not in section)
    assert not missing, f"add these to the README's Configuration table: {missing}"


@pytest.mark.slow  # a manage.py check process
def test_a_mistyped_rate_limit_stops_the_deploy(py):
    result = py("from django.core.management import execute_from_command_line; "
                "execute_from_command_line(['manage', 'check'])",
                DJANGO_SETTINGS_MODULE="marketplace.settings", RATELIMIT_TOKEN_CREATE_IP="ten per minute")
    assert result.returncode != 0
    assert "maalem.E001" in result.stderr and "token_create" in result.stderr
    fine = py("from django.core.management import execute_from_command_line; "
              "execute_from_command_line(['manage', 'check'])",
              DJANGO_SETTINGS_MODULE="marketplace.settings", RATELIMIT_TOKEN_CREATE_IP="5/90s")
    assert fine.returncode == 0, fine.stderr
