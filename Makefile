# raumbudget: build, test, lint, demo, bench. `make test` is what CI runs.
GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X github.com/raumbudget/raumbudget/cmd.version=$(VERSION)
BENCH    ?= .
COUNT    ?= 1

.PHONY: build test lint demo bench fuzz

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o raumbudget .

# Unit, property and end-to-end tests, and the seed corpora of every fuzz target.
test: lint
	$(GO) test -count=1 ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

demo:
	$(GO) run . allocate --demo

# Benchmarks; compare runs with benchstat (COUNT=10 make bench > new.txt).
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count $(COUNT) ./...

# Run each fuzz target for a while (FUZZTIME=5m make fuzz); crashers land in testdata/fuzz.
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzParseNumber$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadXLSX$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzXLSXCells$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzScenarioFile$$' -fuzztime $(FUZZTIME)
