# Two entry points that work on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DATA ?= pocketrag-data
PORT ?= 8000

.PHONY: demo test lint format bench clean

$(BIN)/pocketrag: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Set up, prepare the model, index the sample handbook, answer a question, then serve the chat page.
demo: $(BIN)/pocketrag
	$(BIN)/pocketrag models prepare
	$(BIN)/pocketrag --data-dir $(DEMO_DATA) ingest samples/handbook
	$(BIN)/pocketrag --data-dir $(DEMO_DATA) ask "How many days of annual leave do I get?"
	@echo "Open http://127.0.0.1:$(PORT)/ to chat with the sample handbook (Ctrl-C stops)."
	$(BIN)/pocketrag --data-dir $(DEMO_DATA) serve --host 127.0.0.1 --port $(PORT)

# The whole suite: unit, integration (real SQLite, PostgreSQL, HTTP, browser) and robustness.
test: $(BIN)/pocketrag
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/pytest

lint: $(BIN)/pocketrag
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(BIN)/pocketrag
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# A quick side-by-side benchmark (minutes); see docs/BENCHMARKS.md for the full one.
bench: $(BIN)/pocketrag
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/compare.py --quick

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info src/*.egg-info
