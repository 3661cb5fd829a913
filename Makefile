# Two commands do everything on a fresh clone:
#   make demo   set up, then audit the bundled sample into demo-output/
#   make test   set up, then run the tests
# Both create (or reuse) the virtual environment in .venv themselves.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint evaluate train bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/recordcheck check
	$(BIN)/recordcheck audit --out demo-output

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

evaluate: $(STAMP)
	$(BIN)/recordcheck evaluate corpus/dev/notes.csv corpus/dev/gold.jsonl

train: $(STAMP)
	$(BIN)/recordcheck train

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) demo-output
