# stimgen — the two promises: `make run` runs the main job on the shipped defaults,
# `make test` installs what it needs and passes the tests.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libsdl2-dev libsdl2-ttf-dev libpng-dev libsqlite3-dev libopenblas-dev fonts-dejavu-core pkg-config xvfb
BIN_DEBUG := .build/debug/stimgen
BIN_RELEASE := .build/release/stimgen

.PHONY: deps build release run demo test bench clean

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

## The main job on the shipped defaults.
run: release
	$(BIN_RELEASE) export --all --out out/stimuli --force

## Every test, debug build.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	bash bench/run.sh

clean:
	rm -rf .build out
