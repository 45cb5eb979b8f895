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

# Wall time and peak memory (max RSS) of the built binary beside a pandas
# + openpyxl script doing the same work (bench/peer.py; apt-get install
# time python3-pandas python3-openpyxl): a four-quarter plan of rbgen's
# rows to an xlsx report, median of BENCH_RUNS runs per case
# (rows:units:format), as the table in README "Benchmarks"; then
# allocate --demo (wall time averaged over DEMO_RUNS runs).
BENCH_DIR   ?= bin/bench
BENCH_RUNS  ?= 3
BENCH_CASES ?= 100000:50:xlsx 1000000:50:csv 1000000:50:xlsx 100000:10000:csv 100000:10000:xlsx 100000:100000:csv
DEMO_RUNS   ?= 50
TIME        ?= /usr/bin/time
bench-pipeline: build
	@test -x $(TIME) || { echo "$(TIME) missing: apt-get install time"; exit 1; }
	@mkdir -p $(BENCH_DIR)
	@RB=./raumbudget DIR=$(BENCH_DIR) RUNS=$(BENCH_RUNS) TIME=$(TIME) sh bench/pipeline.sh $(BENCH_CASES)
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
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzCSVReader$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzCSVReadAhead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadXLSX$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzReadPrevious$$' -fuzztime $(FUZZTIME)
	$(GO) test ./indicators -run '^$$' -fuzz '^FuzzXLSXCells$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/xlsx -run '^$$' -fuzz '^FuzzSheetXML$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzScenarioFile$$' -fuzztime $(FUZZTIME)
	$(GO) test ./actuals -run '^$$' -fuzz '^FuzzParseMonth$$' -fuzztime $(FUZZTIME)
	$(GO) test ./actuals -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzConfig$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzParseEuros$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzParseShare$$' -fuzztime $(FUZZTIME)
	$(GO) test ./cmd -run '^$$' -fuzz '^FuzzParseWeights$$' -fuzztime $(FUZZTIME)
	$(GO) test ./scenario -run '^$$' -fuzz '^FuzzParseAdjustment$$' -fuzztime $(FUZZTIME)
	$(GO) test ./scenario -run '^$$' -fuzz '^FuzzParsePeriod$$' -fuzztime $(FUZZTIME)
