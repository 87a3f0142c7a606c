# ProtectNet: `make run` to try it, `make dev` to change it, `make test` to prove it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
SCALE  ?= small
PYTEST_ARGS ?=
LOAD_WORKERS ?= 2
LOAD_SERVERS ?= 2
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml 2>/dev/null | cksum | cut -d' ' -f1)

.PHONY: run dev secrets test test-fast install lint fmt bench demo migrate clean check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Pinned install: requirements.lock constrains every package, for CI and laptops alike.
$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	@$(BIN)/python -m pip install -q --disable-pip-version-check "$$(grep '^uv==' requirements.lock)" \
	  && $(BIN)/uv pip install --python $(BIN)/python -q -c requirements.lock -e '.[dev]' \
	  || $(BIN)/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

# The translations (protectnet/locale/*/LC_MESSAGES/*.po) compiled for gettext; the .mo files
# are built here, never committed. Needs GNU gettext's msgfmt (Debian: gettext).
install: $(STAMP)
	@$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0

# This machine's keys, generated once into var/local.env (git-ignored; never overwritten),
# before anything is written with them.
secrets: install
	$(BIN)/python manage.py init_local_secrets

migrate: secrets
	$(BIN)/python manage.py migrate --no-input -v 0

demo: migrate
	$(BIN)/python manage.py load_demo

# The product as it runs in production: DEBUG off, gunicorn, static files by WhiteNoise, over
# plain http on this machine, and one task worker (emails, text extraction, the periodic jobs).
run: migrate
	$(BIN)/python manage.py load_demo --print-accounts
	$(BIN)/python manage.py serve $(HOST)

# For developers: Django's autoreloading server with DEBUG on, the same worker beside it.
dev: migrate
	$(BIN)/python manage.py load_demo --print-accounts
	$(BIN)/python manage.py run_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

# While iterating: unit and integration tests only (no browser, load, fault, concurrency or
# whole-demo tests); `--lf` reruns what failed last time. `make test` is what CI runs.
FAST_MARKERS := not e2e and not load and not faults and not concurrency and not slow
test-fast: install
	$(BIN)/python -m pytest -n 2 --dist loadfile -q -m "$(FAST_MARKERS)" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: migrate
	$(BIN)/python -m bench --scale $(SCALE)

clean:
	rm -rf $(VENV) staticfiles var/test-*.sqlite3*

# A bounded load run: LOAD_SERVERS gunicorn servers of LOAD_WORKERS workers each, one
# PostgreSQL and one Redis, on a throw-away database (see docs/development.md).
.PHONY: load
load: install
	$(BIN)/python -m loadtest --servers $(LOAD_SERVERS) --workers $(LOAD_WORKERS)

# Throughput and p95 by server count (1, 2) and workers per server (1, 2, 4), then the table.
CURVE := var/loadtest-curve.jsonl
.PHONY: load-curve
load-curve: install
	@mkdir -p var && rm -f $(CURVE)
	for s in 1 2; do for w in 1 2 4; do $(BIN)/python -m loadtest --servers $$s --workers $$w \
	  --append $(CURVE) > /dev/null || exit 1; done; done
	$(BIN)/python -m loadtest --table $(CURVE)
