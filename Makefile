# The README's commands. Everything runs from a local virtualenv in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO := demo-library

.PHONY: install demo test lint clean-demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: pour the example clippings into ./demo-library, search them, write a briefing
demo: $(STAMP)
	$(BIN)/newsdesk --library $(DEMO) add examples/articles --tag demo
	$(BIN)/newsdesk --library $(DEMO) search 'convoy OR smuggling' --limit 5
	$(BIN)/newsdesk --library $(DEMO) brief --since 3650d \
		--output demo-briefing.pdf --markdown demo-briefing.md
	@echo "open the reader with: $(BIN)/newsdesk --library $(DEMO)"

## test: the whole test suite (no network, no shared data needed)
test: $(STAMP)
	$(BIN)/python -m pytest -q

## lint: ruff, the import contracts and the type check (CI runs this and `make test`)
lint: $(STAMP)
	$(BIN)/ruff check index briefing tui tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

clean-demo:
	rm -rf $(DEMO) demo-briefing.pdf demo-briefing.md
