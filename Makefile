# Descent — the two commands a newcomer needs are `make gallery` and `make test`.
#
#   make deps     check the system packages; install the missing ones (as root) or print the command
#   make build    debug build of the library and the `descent` command
#   make test     every test (Swift Testing), after `deps`
#   make gallery  release build, then render the gallery into Gallery/site/
#   make bench    release build, then the benchmarks (medians, measured side by side in one run)
#   make clean    remove build products and the rendered site

SWIFT      ?= swift
RELEASE    := .build/release
DEPS_STAMP := .build/deps.stamp
SITE       := Gallery/site

# pkg-config module → Debian package that provides it.
PC_PACKAGES := cairo:libcairo2-dev libpng:libpng-dev zlib:zlib1g-dev fontconfig:libfontconfig-dev

.PHONY: all deps build test gallery site-check bench fuzz clean

all: build

deps: $(DEPS_STAMP)

# Checks once and remembers success in a stamp file, so later runs cost nothing.
$(DEPS_STAMP):
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "Descent needs the Swift toolchain (swift 6.0 or later) on PATH." >&2; exit 1; }
	@missing=$$($(MAKE) -s --no-print-directory deps-missing); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	    still=$$($(MAKE) -s --no-print-directory deps-missing); \
	    [ -z "$$still" ] || { echo "Still missing after apt-get install: $$still" >&2; exit 1; }; \
	  else \
	    echo "Descent needs these Debian packages: $$missing" >&2; \
	    echo "Install them with:  sudo apt-get update && sudo apt-get install -y $$missing" >&2; \
	    exit 1; \
	  fi; \
	fi
	@mkdir -p $(dir $@) && touch $@

# Prints the missing Debian packages (empty when everything is present).
.PHONY: deps-missing
deps-missing:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	for pair in $(PC_PACKAGES); do \
	  command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $${pair%%:*} 2>/dev/null || missing="$$missing $${pair#*:}"; \
	done; \
	command -v fc-match >/dev/null 2>&1 || missing="$$missing fontconfig"; \
	fc-match -f '%{file}' 'DejaVu Sans' 2>/dev/null | grep -q 'DejaVuSans\.ttf' || missing="$$missing fonts-dejavu-core"; \
	echo $$missing

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) run --skip-build TraceSummary
	$(SWIFT) test --skip-build --disable-xctest

$(RELEASE)/descent: deps FORCE
	$(SWIFT) build -c release --product descent

# Renders what changed since the last build (every figure the first time) and writes the pages.
gallery: $(RELEASE)/descent
	$(RELEASE)/descent site build Gallery --out $(SITE)

# Opens every page of the gallery in Debian's headless Chromium: console errors, failed requests, images,
# links, the sweep sliders (by keyboard), the tag filter, with and without JavaScript; a screenshot of each
# page at desktop and phone width lands in Gallery/site-check/. Installs chromium and chromium-driver (as
# root, or prints the command) and selenium in Tools/site-check/.venv when missing.
site-check: gallery
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	[ -x Tools/site-check/.venv/bin/python ] || python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "make site-check needs these Debian packages:$$missing" >&2; \
	    echo "Install them with:  sudo apt-get update && sudo apt-get install -y$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi
	@venv=Tools/site-check/.venv; \
	if ! $$venv/bin/python -c 'import selenium' >/dev/null 2>&1 || [ Tools/site-check/requirements.txt -nt $$venv/.installed ]; then \
	  echo "Setting up $$venv (selenium)…"; \
	  { [ -x $$venv/bin/python ] || python3 -m venv $$venv; } && \
	  $$venv/bin/python -m pip install --quiet --disable-pip-version-check -r Tools/site-check/requirements.txt && \
	  touch $$venv/.installed || { echo "Could not set up $$venv: it needs python3 with venv, and pip access to PyPI." >&2; exit 1; }; \
	fi
	Tools/site-check/.venv/bin/python Tools/site-check/check.py $(SITE) --screenshots Gallery/site-check

bench: deps
	sh Benchmarks/run.sh

# libFuzzer over the four parsers that read user text (Sources/DescentFuzzing): FUZZ_RUNS executions each,
# starting from the seed corpus in Fuzz/corpus/TARGET (new interesting inputs go to .build-fuzz/corpus/).
# A crash stops with the input saved as .build-fuzz/crash-TARGET-*; add it to Fuzz/corpus/TARGET, where the
# tests replay it. Its own build folder: every module is instrumented for coverage.
FUZZ_RUNS ?= 2500000
FUZZ_TARGETS ?= component expression mathtext spec
fuzz: deps
	$(SWIFT) build -c release --product descent-fuzz --build-path .build-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t; \
	  echo "fuzzing $$t: $(FUZZ_RUNS) runs"; \
	  SWIFT_BACKTRACE=enable=no DESCENT_FUZZ_TARGET=$$t .build-fuzz/release/descent-fuzz .build-fuzz/corpus/$$t Fuzz/corpus/$$t \
	    -runs=$(FUZZ_RUNS) -max_len=4096 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=.build-fuzz/crash-$$t- > .build-fuzz/fuzz-$$t.log 2>&1; status=$$?; \
	  grep -E "^(Done|stat::number_of_executed_units)|ERROR|SUMMARY|Test unit written|Fatal error" .build-fuzz/fuzz-$$t.log; \
	  if [ $$status -ne 0 ]; then echo "make fuzz: $$t failed (status $$status); see .build-fuzz/fuzz-$$t.log" >&2; exit 1; fi; \
	done

clean:
	rm -rf .build .build-fuzz $(SITE)

.PHONY: FORCE
FORCE:
