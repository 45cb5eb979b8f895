package indicators

import (
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// periodFilter keeps the rows of the latest period of a table with a
// period column, such as a plan's CSV output: the quarter a next run
// continues from is the last one booked.
type periodFilter struct {
	col    int // -1: no period column
	latest string
	want   string // Schema.Period: only this period's rows; "" = the latest
}

// latestPeriod says whether the row belongs to the latest period so far.
// A later period than any before starts the table anew. A row without a
// period is a problem, and its other cells are not checked: whether they
// count is unknown.
func (b *builder) latestPeriod(cells []string) bool {
	if b.period.col < 0 {
		return true
	}
	p := strings.ToUpper(trimSpace(cell(cells, b.period.col)))
	if p == "" {
		b.emptyProblem(b.period.col, keyPeriod, msg.New("empty period"), b.src.empty(b.period.col))
		return false
	}
	if b.period.want != "" {
		if p != b.period.want {
			return false
		}
		b.t.Period = b.period.want
		return true
	}
	switch {
	case b.period.latest == "" || p > b.period.latest:
		b.restart(p)
	case p < b.period.latest:
		return false
	}
	return true
}

// restart forgets the rows of earlier periods. Their problems stay: the
// read would have stopped at them without AllProblems.
func (b *builder) restart(period string) {
	b.period.latest = strings.Clone(period)
	b.t.Period = b.period.latest
	b.t.Units = b.t.Units[:0]
	b.t.HiddenRows = b.t.HiddenRows[:0]
	b.sums = b.sums[:0]
	clear(b.units)
	b.areas.reset()
	clear(b.badUnits)
	b.total.line, b.lastNew = 0, false
}
