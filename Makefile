# stimgen — the two promises: `make run` runs the main job on the shipped defaults,
# `make test` installs what it needs and passes the tests.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libsdl2-dev libsdl2-ttf-dev libpng-dev libsqlite3-dev libopenblas-dev fonts-dejavu-core pkg-config xvfb
BIN_DEBUG := .build/debug/stimgen
BIN_RELEASE := .build/release/stimgen
PROTOCOL ?= Protocols/mccollough-classic.yaml
PARTICIPANT ?= P01

.PHONY: deps build release run test bench clean

## Install the system packages stimgen links against (once; skipped when present).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## The main job on the shipped defaults: the classic McCollough protocol, full screen when a display
## exists (headless with a simulated participant on a virtual clock otherwise), then the session
## report and the built-in V1 model's prediction for the same protocol.
run: release
	@mkdir -p out
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BIN_RELEASE) run $(PROTOCOL) --participant $(PARTICIPANT); \
	else \
	  echo "no display: running headless with a simulated participant (--headless --simulate --fast)"; \
	  $(BIN_RELEASE) run $(PROTOCOL) --participant $(PARTICIPANT) --headless --simulate --fast; \
	fi
	$(BIN_RELEASE) report --participant $(PARTICIPANT) --out out/report.html
	$(BIN_RELEASE) predict $(PROTOCOL) --model v1 --out out/prediction.csv

## Every test, debug build.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Every benchmark (peers and stimgen in the same run); figures go to bench/RESULTS.md by hand.
bench: release
	@for script in bench/*/run.sh; do echo "=== $$script"; bash $$script || exit 1; done

clean:
	rm -rf .build out
