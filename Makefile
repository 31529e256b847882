# Soma's commands. See README.md.
MVN ?= mvn -B -q -Dstyle.color=never

.PHONY: setup build test bench notebooks lab clean

setup:
	@scripts/setup.sh

build: setup
	$(MVN) -DskipTests package

test: setup
	mvn -B -Dstyle.color=never verify

bench: build
	scripts/bench.sh

clean:
	$(MVN) clean
