# Two entry points for a fresh machine (see README.md): `make demo` and `make test`.
# Both create .venv and install the pinned dependencies first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean postgresql chromium serve

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first and pinned: 2.13.0 is the CPU build on disk here; anything newer pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/counterpoint compare examples/harbour-fire --json out/harbour-fire.json --html out/harbour-fire.html

# The demo story in the embedded store (SQLite, no server), served at http://127.0.0.1:8000/
serve: $(STAMP)
	mkdir -p out
	$(BIN)/counterpoint ingest examples/harbour-fire --db out/demo.db --quiet
	$(BIN)/counterpoint serve --db out/demo.db

# The lint and type checks run first: a style or typing slip fails CI like a failing test.
# The store tests run on SQLite and on a throwaway PostgreSQL server started from Debian's package, which
# is installed here when missing (as root, or through sudo).
test: lint postgresql chromium
	COUNTERPOINT_REQUIRE_POSTGRES=1 COUNTERPOINT_REQUIRE_BROWSER=1 $(BIN)/python -m pytest

# The browser tests drive Debian's Chromium (never `playwright install`), installed here when missing
# (as root, or through sudo).
chromium:
	@test -x /usr/bin/chromium || { \
		echo "installing Chromium (Debian package chromium) for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		echo "installing PostgreSQL (Debian package postgresql) for the store tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

bench: $(STAMP)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/annotation.py
	$(BIN)/python bench/alignment.py
	$(BIN)/python bench/claimdiff.py
	$(BIN)/python bench/fnc1.py
	$(BIN)/python bench/babe.py
	$(BIN)/python bench/basil.py
	$(BIN)/python bench/newswcl50.py
	$(BIN)/python bench/neus_arousal.py
	$(BIN)/python bench/story_clustering.py
	$(BIN)/python bench/corpus_speed.py
	$(BIN)/python bench/copies.py
	$(BIN)/python bench/web_load.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out
