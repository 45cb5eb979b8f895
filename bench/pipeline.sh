#!/bin/sh
# The side-by-side table of `make bench-pipeline`: for each case, rbgen
# writes the input, then `raumbudget plan` (four quarters to an xlsx
# report) and the pandas + openpyxl peer (bench/peer.py, the same work)
# each run RUNS times under GNU time; the table shows the medians of wall
# time and peak memory (max RSS) and the ratio of the wall times
# (raumbudget / peer: below 1, raumbudget is faster).
#
# usage: bench/pipeline.sh [rows:units:format ...]   (env: RB, DIR, RUNS, PEER)
set -eu
RB=${RB:-./raumbudget}
DIR=${DIR:-bin/bench}
RUNS=${RUNS:-3}
PEER=${PEER:-/usr/bin/python3 bench/peer.py}
TIME=${TIME:-/usr/bin/time}
[ $# -gt 0 ] || set -- 100000:50:xlsx 1000000:50:csv 1000000:50:xlsx 100000:10000:csv 100000:10000:xlsx 100000:100000:csv
test -x "$TIME" || { echo "$TIME missing: apt-get install time" >&2; exit 1; }

mkdir -p "$DIR"

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure CMD...: RUNS runs; prints "wall-seconds rss-MiB" (medians)
measure() {
	: > "$DIR/runs.txt"
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$TIME" -f '%e %M' -o "$DIR/time.txt" "$@" > /dev/null || { echo "failed: $*" >&2; exit 1; }
		tail -n 1 "$DIR/time.txt" >> "$DIR/runs.txt"
		i=$((i + 1))
	done
	wall=$(awk '{ print $1 }' "$DIR/runs.txt" | median)
	rss=$(awk '{ print $2 / 1024 }' "$DIR/runs.txt" | median)
	echo "$wall $rss"
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at start; median of $RUNS runs"
echo
echo "| input | raumbudget | pandas peer | ratio |"
echo "| --- | --- | --- | --- |"
for c in "$@"; do
	rows=${c%%:*}; rest=${c#*:}; units=${rest%%:*}; format=${rest#*:}
	in="$DIR/in-$rows-$units.$format"
	[ -f "$in" ] || go run ./internal/gen/cmd/rbgen -rows "$rows" -units "$units" -format "$format" -o "$in"
	set -- $(measure "$RB" plan --data "$in" --annual-budget 48000000 --start 2026-Q1 --quarters 4 \
		-o xlsx --out "$DIR/report.xlsx" --force --report-date 2026-11-22)
	rbw=$1; rbm=$2
	set -- $(measure $PEER "$in" "$DIR/peer.xlsx" 48000000)
	pw=$1; pm=$2
	printf '| %s rows, %s units, %s | %s s, %.0f MiB | %s s, %.0f MiB | %.2f |\n' \
		"$(printf %d "$rows" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" "$(printf %d "$units" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" \
		"$(echo "$format" | sed 's/csv/CSV/')" "$rbw" "$rbm" "$pw" "$pm" "$(echo "$rbw $pw" | awk '{ printf "%.4f", $1 / $2 }')"
done
