# Two entry points that work on a fresh clone: `make demo` and `make test`.
# Both use one .venv: `make demo` installs the runtime only, `make test` adds the dev extras
# (pytest, ruff, Playwright, a bundled PostgreSQL); marker files record what is installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
DEMO_DATA ?= pocketrag-data
PORT ?= 8000

.PHONY: demo demo-port test browser lint format bench clean

$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	sh deploy/opencv-headless.sh $(BIN)/pip
	touch $@

# Refuse early, before any set-up, when something already listens on PORT.
demo-port:
	@$(PYTHON) -c "import socket; s = socket.socket(); \
	s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $(PORT)))" \
	2>/dev/null || { echo "Port $(PORT) is already in use on 127.0.0.1." \
	"Choose another: make demo PORT=$$(( $(PORT) + 1 ))" >&2; exit 1; }

# Set up, prepare the model, index the sample handbook, answer a question, then serve the chat page.
demo: demo-port $(RUNTIME)
	$(BIN)/pocketrag models prepare
	$(BIN)/pocketrag --data-dir $(DEMO_DATA) ingest samples/handbook
	$(BIN)/pocketrag --data-dir $(DEMO_DATA) ask "How many days of annual leave do I get?"
	@echo "Open http://127.0.0.1:$(PORT)/ to chat with the sample handbook (Ctrl-C stops)."
	$(BIN)/pocketrag --data-dir $(DEMO_DATA) serve --host 127.0.0.1 --port $(PORT)

# Debian chromium for the browser tests (apt-get when we may; see the script).
browser:
	@sh scripts/ensure-chromium.sh

# The whole suite: unit, integration (real SQLite, PostgreSQL, HTTP, browser) and robustness.
test: $(DEV) browser
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/pytest

lint: $(DEV)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(DEV)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# A quick side-by-side benchmark (minutes); see docs/BENCHMARKS.md for the full one.
bench: $(DEV)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.compare --quick

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info src/*.egg-info
