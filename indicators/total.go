package indicators

import (
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// totals takes a total row at the end of the table out of the data when
// its values are the sums of the rows above, in every column read
// (indicators and spending): summed with the units, it would take half
// the budget. A row whose unit name says it is a total ("Summe",
// "Gesamtergebnis") and does not add up is an error naming the first
// column that does not; a row with any other name is a total row only if
// it adds up in at least two columns, below at least two units, and is
// its own unit (in a table of one column, 1, 2 and 3 would be a total
// row). With problems
// (Schema.AllProblems) the sums miss the bad rows, so a labelled total row
// is only left out.
func (b *builder) totals() error {
	t := b.t
	switch {
	case b.total.line != 0 && len(t.Problems) > 0:
		if b.total.hold != nil {
			b.problem(b.total.hold) // errEnough: the read ends anyway
		}
		b.total.line = 0
	case b.total.line != 0:
		return b.labelledTotal()
	case b.lastNew && len(t.Problems) == 0 && len(t.Units) >= 3:
		return b.unlabelledTotal()
	}
	return nil
}

func (b *builder) labelledTotal() error {
	t, tr := b.t, &b.total
	var err *Error
	if len(t.Units) == 0 || tr.hold != nil && rowsRead(t.Units) < 2 {
		// A row without a name or area below a single row is no total
		// of anything; a user would not write one.
		err = t.errorAt(tr.line, keyUnit, msg.New("%s looks like a total row; remove it", cellText(tr.name)))
		if tr.hold != nil {
			err = tr.hold
		}
	} else {
		sums := b.columnSums(t.Units)
		v := new(big.Rat)
		for i, key := range b.keys {
			v.SetFrac(&tr.values[i].n, pow10(tr.values[i].scale))
			if v.Cmp(sums[i]) != 0 {
				m := msg.New("%s looks like a total row, but it does not add up: %s here, the rows above sum to %s; correct or remove it",
					cellText(tr.name), msg.Dec(decimalText(v)), msg.Dec(decimalText(sums[i])))
				err = t.errorAt(tr.line, key, m)
				if tr.hold != nil { // not a total row, by its name
					err = tr.hold
				}
				break
			}
		}
	}
	if err == nil {
		t.TotalRow = tr.line
		return nil
	}
	return b.totalError(err)
}

// totalError ends the read with err, or with AllProblems lists it.
func (b *builder) totalError(err *Error) error {
	if !b.all {
		return err
	}
	if perr := b.problem(err); perr != errEnough {
		return perr
	}
	return nil
}

// rowsRead counts the rows summed into the units.
func rowsRead(units []Unit) int {
	n := 0
	for _, u := range units {
		n += u.Rows
	}
	return n
}

// unlabelledTotal takes out a last row, of a unit of its own, whose values
// are the sums of the rows above in at least two columns. A last row named
// like a city ("Stadt Essen") that does not add up but is at least the
// sum in every column is a total row that misses some rows or holds
// others (the city's total over more units than the table's): an error,
// since as a unit it would take half the budget; a unit of that name is
// smaller than the others together.
func (b *builder) unlabelledTotal() error {
	t := b.t
	n := len(t.Units) - 1
	last := t.Units[n]
	city := isCityTotal(last.Name)
	if last.Rows != 1 || len(b.keys) < 2 && !city {
		return nil
	}
	sums := b.columnSums(t.Units[:n])
	first, above := -1, true // the first column that does not add up; all values at least the sums
	for i := range b.keys {
		c := unitValue(&last, i).Cmp(sums[i])
		if c != 0 && first < 0 {
			first = i
		}
		above = above && c >= 0
	}
	switch {
	case first < 0:
		t.TotalRow = last.Line
		t.Units = t.Units[:n]
		delete(b.units, last.Name)
	case city && above:
		m := msg.New("%s looks like a total row, but it does not add up: %s here, the rows above sum to %s; correct or remove it",
			cellText(last.Name), msg.Dec(decimalText(unitValue(&last, first))), msg.Dec(decimalText(sums[first])))
		return b.totalError(t.errorAt(last.Line, b.keys[first], m))
	}
	return nil
}

// isCityTotal says whether a name is "Stadt" and the city's name, as a
// statistics office labels the total over its districts ("Stadt Essen").
func isCityTotal(name string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(name), " ")
	return ok && strings.EqualFold(first, "stadt") && strings.TrimSpace(rest) != ""
}

// columnSums sums each key's values over the units. The values are
// decimals, so they share a few denominators (divisors of a power of
// ten): the numerators are summed per denominator in integers and the few
// sums added as fractions at the end (big.Rat's Add takes a gcd each
// time: a tenth of the time of a plan of 100,000 units).
func (b *builder) columnSums(units []Unit) []*big.Rat {
	sums := make([]*big.Rat, len(b.keys))
	for i := range sums {
		groups := map[uint64]*big.Rat{} // by denominator: the numerators' sum over it
		sum := new(big.Rat)
		for u := range units {
			v := unitValue(&units[u], i)
			d := v.Denom()
			if !d.IsUint64() {
				sum.Add(sum, v)
				continue
			}
			g := groups[d.Uint64()]
			if g == nil {
				g = new(big.Rat)
				groups[d.Uint64()] = g
			}
			g.Num().Add(g.Num(), v.Num())
		}
		for d, g := range groups {
			sum.Add(sum, g.SetFrac(g.Num(), new(big.Int).SetUint64(d)))
		}
		sums[i] = sum
	}
	return sums
}

// unitValue is the value of the i-th key read: an indicator, or spending
// after the indicators.
func unitValue(u *Unit, i int) *big.Rat {
	if i < len(u.Values) {
		return u.Values[i]
	}
	return u.Spending
}

// decimalText writes a decimal fraction with just the decimals it needs.
func decimalText(r *big.Rat) string {
	x, k := new(big.Rat).Set(r), 0
	for ten := big.NewRat(10, 1); !x.IsInt() && k < 40; k++ {
		x.Mul(x, ten)
	}
	return r.FloatString(k)
}
