# raumbudget: build, test, lint, demo, bench. `make test` is what CI runs.
GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X github.com/raumbudget/raumbudget/cmd.version=$(VERSION)
BENCH    ?= .
COUNT    ?= 1

.PHONY: build test lint demo bench bench-pipeline fuzz

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o raumbudget .

# Unit, property and end-to-end tests, and the seed corpora of every fuzz target.
test: lint
	$(GO) test -count=1 -timeout 45m ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

demo:
	$(GO) run . allocate --demo

# Benchmarks; compare runs with benchstat (COUNT=10 make bench > new.txt).
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count $(COUNT) ./...

# Wall time and peak memory (max RSS) of the built binary, by GNU time
# (apt-get install time): a four-quarter plan of 100,000 generated rows in
# 50 offices to an xlsx report, from a workbook and from a German CSV, and
# allocate --demo (wall time averaged over DEMO_RUNS runs). The inputs are
# rbgen's, the same as the Go benchmarks' (bench_test.go).
BENCH_DIR   ?= bin/bench
BENCH_ROWS  ?= 100000
BENCH_UNITS ?= 50
DEMO_RUNS   ?= 50
TIME        ?= /usr/bin/time
PLAN_ARGS    = --annual-budget 48000000 --start 2026-Q1 --quarters 4 -o xlsx --out $(BENCH_DIR)/report.xlsx --force --report-date 2026-11-22
bench-pipeline: build
	@test -x $(TIME) || { echo "$(TIME) missing: apt-get install time"; exit 1; }
	@mkdir -p $(BENCH_DIR)
	$(GO) run ./internal/gen/cmd/rbgen -rows $(BENCH_ROWS) -units $(BENCH_UNITS) -format xlsx -o $(BENCH_DIR)/big.xlsx
	$(GO) run ./internal/gen/cmd/rbgen -rows $(BENCH_ROWS) -units $(BENCH_UNITS) -format csv -o $(BENCH_DIR)/big.csv
	@for f in big.xlsx big.csv; do \
		echo "== plan --data $$f ($$(wc -c < $(BENCH_DIR)/$$f) bytes) $(PLAN_ARGS)"; \
		$(TIME) -v -o $(BENCH_DIR)/time.txt ./raumbudget plan --data $(BENCH_DIR)/$$f $(PLAN_ARGS) || exit 1; \
		grep -E 'Elapsed \(wall clock\)|Maximum resident set size' $(BENCH_DIR)/time.txt; \
	done
	@echo "== allocate --demo -o json"
	@$(TIME) -v -o $(BENCH_DIR)/time.txt ./raumbudget allocate --demo -o json > /dev/null
	@grep -E 'Elapsed \(wall clock\)|Maximum resident set size' $(BENCH_DIR)/time.txt
	@$(TIME) -f '%e' -o $(BENCH_DIR)/time.txt sh -c 'for i in $$(seq $(DEMO_RUNS)); do ./raumbudget allocate --demo -o json > /dev/null || exit 1; done'
	@awk '{ printf "\tmean wall time of $(DEMO_RUNS) runs: %.1f ms\n", $$1 * 1000 / $(DEMO_RUNS) }' $(BENCH_DIR)/time.txt

# Run each fuzz target for a while (FUZZTIME=5m make fuzz); crashers land in testdata/fuzz.
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzParseNumber$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadXLSX$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadPrevious$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzXLSXCells$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzSheetXML$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzScenarioFile$$' -fuzztime $(FUZZTIME)
	$(GO) test ./actuals -run '^$$' -fuzz '^FuzzParseMonth$$' -fuzztime $(FUZZTIME)
	$(GO) test ./actuals -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzConfig$$' -fuzztime $(FUZZTIME)
