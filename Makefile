# sharemap: the two commands the README gives, and the pieces they are made of.
#   make report   installs what is missing, builds, and writes the report on Data/ into Output/
#   make test     installs what is missing and runs the test suite (what CI runs)

SWIFT ?= swift
DATA ?= Data
OUT ?= Output

.PHONY: deps build report test bench clean

# Debian's Graphviz C libraries (libcgraph, libgvc and their layout and render plugins).
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null; then \
		echo "Installing libgraphviz-dev (Graphviz's C libraries)..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgraphviz-dev graphviz >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product sharemap

report: build
	.build/release/sharemap validate --data $(DATA)
	.build/release/sharemap report --data $(DATA) --out $(OUT)
	@echo "Open $(OUT)/report.html in a browser ($(OUT)/report.md has the same content)."


test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build -c release --product sharemap-bench
	.build/release/sharemap-bench

clean:
	rm -rf .build
