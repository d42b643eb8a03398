# Every target installs what it needs into .venv first, so a fresh machine needs only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEPS := pyproject.toml constraints.txt
PIP_INSTALL := $(PY) -m pip install --quiet -c constraints.txt

.PHONY: demo test generate check bench sandbox clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# One stamp per extra set, so `make demo` does not pull the test tools in.
$(VENV)/.stamp-demo: $(BIN)/activate $(DEPS)
	$(PIP_INSTALL) -e '.[sandbox]'
	touch $@

$(VENV)/.stamp-dev: $(BIN)/activate $(DEPS)
	$(PIP_INSTALL) -e '.[dev]'
	touch $@ $(VENV)/.stamp-demo

demo: $(VENV)/.stamp-demo
	$(BIN)/nosto-gql demo

test: $(VENV)/.stamp-dev
	$(MAKE) --no-print-directory check
	$(BIN)/pytest -q

generate: $(VENV)/.stamp-dev
	$(BIN)/nosto-gql generate --config pyproject.toml

# Fails when generated/ is stale, when an operation does not validate, or on lint/type errors.
check: $(VENV)/.stamp-dev
	$(BIN)/nosto-gql check --config pyproject.toml
	$(BIN)/ruff check nosto_gql generated tests bench
	$(BIN)/ruff format --check nosto_gql tests bench
	$(BIN)/mypy

bench: $(VENV)/.stamp-dev
	$(PY) bench/run.py
	$(PY) bench/bulk_memory.py

sandbox: $(VENV)/.stamp-demo
	$(BIN)/nosto-gql sandbox

clean:
	rm -rf $(VENV) build dist *.egg-info
