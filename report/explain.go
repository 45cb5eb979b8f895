package report

import (
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/internal/msg"

	"github.com/raumbudget/raumbudget/allocate"
)

// Explanation is the way from the inputs to one unit's amount: each
// indicator's and the history's part, the corridor and the rounding.
type Explanation struct {
	Unit           string
	Period         string // "" for a single allocation
	Budget         allocate.Cents
	IndicatorShare *big.Rat
	Parts          []allocate.Part
	Exact          *big.Rat // E(u), cents
	Damped         *big.Rat // budget × share after the corridor, cents (= Exact without one)
	Amount         allocate.Cents
	Held           allocate.Held
	Change         *Change // nil: no change to explain
	Headings       map[string]string
}

// Change splits the change of the unit's amount against an earlier period.
type Change struct {
	Against   string // the earlier period or file
	OldAmount allocate.Cents
	Parts     []allocate.ChangePart // exact, cents: budget, indicator share, indicators, spending
	Corridor  *big.Rat              // change of the corridor's effect, cents
	Rounding  *big.Rat              // change of the rounding, cents
}

// waterfall is the explanation in whole cents that add up to the amount:
// each part rounded to the cent, the corridor, and the rounding that is
// left.
type waterfall struct {
	parts    []allocate.Cents
	corridor allocate.Cents
	rounding allocate.Cents
}

func (e *Explanation) waterfall() waterfall {
	var w waterfall
	sum := allocate.Cents(0)
	for _, p := range e.Parts {
		c := roundCents(p.Exact)
		w.parts = append(w.parts, c)
		sum += c
	}
	w.corridor = roundCents(new(big.Rat).Sub(e.Damped, e.Exact))
	w.rounding = e.Amount - sum - w.corridor
	return w
}

// lines of a change in whole cents that add up to it: each exact part
// rounded, and what rounding leaves in the last line.
func (c *Change) lines(amount allocate.Cents) (keys []string, cents []allocate.Cents) {
	total := amount - c.OldAmount
	sum := allocate.Cents(0)
	for _, p := range c.Parts {
		keys, cents = append(keys, p.Key), append(cents, roundCents(p.Exact))
		sum += cents[len(cents)-1]
	}
	corridor := roundCents(c.Corridor)
	keys, cents = append(keys, "corridor", "rounding"), append(cents, corridor, total-sum-corridor)
	return keys, cents
}

// Lines are the change's lines in whole cents that add up to amount −
// OldAmount: each exact part rounded, then "corridor" and "rounding".
func (c *Change) Lines(amount allocate.Cents) (keys []string, cents []allocate.Cents) {
	return c.lines(amount)
}

// roundCents rounds half away from zero.
func roundCents(x *big.Rat) allocate.Cents {
	num, den := new(big.Int).Abs(x.Num()), x.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	c := allocate.Cents(q.Int64())
	if x.Sign() < 0 {
		return -c
	}
	return c
}

// Write renders the explanation as a table, Markdown or JSON.
func (e *Explanation) Write(w io.Writer, format string, lang *Lang) error {
	switch format {
	case "table", "markdown":
		return e.writeTable(w, lang, format == "markdown")
	case "json":
		return e.writeJSON(w)
	}
	return msg.Errorf("explain writes table, markdown or json, not %q", format)
}
