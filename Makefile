# newsprism — two commands: `make report` and `make test`. Everything installs into .venv.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= data/corpora/kim_putin_letters_2026
OUT ?= outputs/report
# The bundled story is an example project: its report uses the codebooks its params file names
# (any other corpus gets the generic defaults; pass PARAMS=my.params.yml to name your own).
BUNDLED := data/corpora/kim_putin_letters_2026
PARAMS ?= $(if $(filter $(BUNDLED),$(patsubst %/,%,$(CORPUS))),$(BUNDLED).params.yml)

.PHONY: setup report test test-fast browser validate-if-changed lab bench validate lint format clean constraints

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; newsprism needs Python 3.11 (set PYTHON=...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,dask]'
	$(PY) -m ipykernel install --prefix $(VENV) --name newsprism --display-name "Python (newsprism)" >/dev/null
	touch $(STAMP)

# The methods appendix shows the gold-data scores saved by `validate`.
report: $(STAMP) validate-if-changed
	$(PY) -m newsprism report --corpus $(CORPUS) --out $(OUT) $(if $(PARAMS),-f $(PARAMS))

# Everything, browser and notebooks included; installs the browser first (see .ci/ensure_browser).
test: $(STAMP) browser
	$(PY) -m ruff check lib tests bench notebooks
	$(PY) -m pytest -q --doctest-modules tests lib/newsprism

# Unit tests and doctests only, on two processes (pytest-xdist): tests marked `slow` (notebook
# runs, report renders, fits, whole gold data sets, fresh interpreters, browser) left out.
test-fast: $(STAMP)
	$(PY) -m pytest -q -n 2 -m "not slow" --doctest-modules tests lib/newsprism

browser:
	@.ci/ensure_browser

# Fetching gold data is a build step (package registry only); validators never download.
# `make report` re-validates only when an input changed (gold data, library, codebooks);
# `make validate` always does.
validate-if-changed: $(STAMP)
	$(PY) -m newsprism.sentiment.validation --fetch
	$(PY) -m newsprism.core.validate --if-changed

validate: $(STAMP)
	$(PY) -m newsprism.sentiment.validation --fetch
	$(PY) -m newsprism.core.validate

bench: $(STAMP)
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --MultiKernelManager.default_kernel_name=newsprism

lint: $(STAMP)
	$(PY) -m ruff check lib tests bench notebooks

format: $(STAMP)
	$(PY) -m ruff format lib tests bench notebooks

# Refresh the pinned stack after changing pyproject.toml dependencies.
constraints:
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt

clean:
	rm -rf outputs/report outputs/cache .pytest_cache
