# huisvanhetkind — two commands do all set-up: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app huisvanhetkind
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: js run serve test test-zwaar test-sqlite test-postgres install install-test clean help

help:
	@echo "make run    - installeer, maak/upgrade de SQLite-databank, laad de demo en start op http://$(HOST):$(PORT)"
	@echo "make serve  - zelfde databank, productieserver (gunicorn, 4 workers × 2 threads)"
	@echo "make test   - installeer wat de tests nodig hebben en draai alles op SQLite en PostgreSQL"
	@echo "make js     - bouw de bibliotheek van de netwerktekening opnieuw (npm: sigma.js, graphology) → huisvanhetkind/static/vendor/"
	@echo "make bench  - meet pagina's en API op de Vlaanderen-dataset (SQLite en PostgreSQL) → bench/results.md"

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The network picture's libraries (sigma.js + graphology from the npm registry), bundled with
# esbuild into one file that is committed with its licences: `make run` and CI need no npm.
# Run after changing frontend/package.json or frontend/bibliotheek.js (npm ci: the lock file's versions).
js:
	cd frontend && npm ci --no-audit --no-fund && npm run build

install-test: $(VENV)/.installed-test

run: install
	scripts/system-deps.sh run
	$(FLASK) hvk backup --als-bestaat
	$(FLASK) db upgrade
	$(FLASK) hvk demo --als-leeg
	@echo "Het register draait op http://$(HOST):$(PORT) (stoppen: Ctrl+C)"
	$(FLASK) run --host $(HOST) --port $(PORT)

serve: install
	scripts/system-deps.sh run
	$(FLASK) db upgrade
	$(FLASK) hvk status
	$(VENV)/bin/gunicorn --no-control-socket --bind $(HOST):$(PORT) --access-logfile - 'huisvanhetkind:create_app()'

test: install-test
	scripts/test.sh

# The long gates (concurrency under gunicorn), on SQLite and PostgreSQL; CI runs them too.
test-zwaar: install-test
	HVK_TEST_NA_ELKAAR=1 scripts/test.sh -m zwaar tests/zwaar

clean:
	rm -rf $(VENV) build *.egg-info

.PHONY: bench
BENCH_ARGS ?=
bench: install
	$(PY) -m bench.run $(BENCH_ARGS)
