package check

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// Plausibility rules: each returns warnings about input that is valid
// but probably wrong, each at its place.

// valueOf is unit u's value of key, nil if the table has no such column.
func valueOf(t *indicators.Table, u int, key string) *big.Rat {
	if key == allocate.SpendingKey {
		return t.Units[u].Spending
	}
	for k, ik := range t.Indicators {
		if ik == key {
			return t.Units[u].Values[k]
		}
	}
	return nil
}

// value is valueOf, with the residents from their own table.
func (t *table) value(u int, key string) *big.Rat {
	if key != residentsKey {
		return valueOf(t.Table, u, key)
	}
	if t.residents == nil || t.resident[u] < 0 {
		return nil
	}
	return t.residents.Units[t.resident[u]].Values[0]
}

// partsAndWholes are the columns whose value cannot exceed another's in
// the same unit: migrant youth are youth, youth and SGB recipients are
// residents.
var partsAndWholes = [][2]string{{"migrant_youth_0_18", "youth_0_18"}, {"youth_0_18", residentsKey}, {"sgb_recipients", residentsKey}}

// partAboveWhole warns where a part exceeds its whole in the same unit.
func partAboveWhole(t *table) []*indicators.Error {
	var out []*indicators.Error
	for u, unit := range t.Units {
		for _, p := range partsAndWholes {
			part, whole := t.value(u, p[0]), t.value(u, p[1])
			if part != nil && whole != nil && part.Cmp(whole) > 0 {
				msg := fmt.Sprintf("unit %q: %s %s is above %s %s", unit.Name, p[0], decimal(part), p[1], decimal(whole))
				out = append(out, t.ErrorAt(u, p[0], msg))
			}
		}
	}
	return out
}

// hiddenRows warns about rows hidden in Excel: they are read, as Excel
// sums them too, but nobody sees them.
func hiddenRows(t *indicators.Table) []*indicators.Error {
	var out []*indicators.Error
	for _, row := range t.HiddenRows {
		out = append(out, rowError(t, row, "the row is hidden in Excel; its values are read"))
	}
	return out
}

// rowError places msg at a row of t: a CSV line, or a sheet row at its
// first cell.
func rowError(t *indicators.Table, row int, msg string) *indicators.Error {
	if t.Sheet == "" {
		return &indicators.Error{File: t.File, Line: row, Msg: msg}
	}
	return &indicators.Error{File: t.File, Sheet: t.Sheet, Cell: fmt.Sprintf("A%d", row), Msg: msg}
}

// movedAgainst warns where a value moved more than threshold (a share,
// e.g. 1/5) against the same unit's value in an older table, and about
// units in one table but not the other.
func movedAgainst(t, old *indicators.Table, threshold *big.Rat) []*indicators.Error {
	var out []*indicators.Error
	idx, _ := indicators.MatchUnits(t, old) // every unit old lacks, not the first
	for u, unit := range t.Units {
		if idx[u] < 0 {
			out = append(out, missingUnit(t, u, old.File))
			continue
		}
		for _, key := range append(append([]string{}, t.Indicators...), allocate.SpendingKey) {
			if msg := moved(valueOf(t, u, key), valueOf(old, idx[u], key), threshold); msg != "" {
				out = append(out, t.ErrorAt(u, key, fmt.Sprintf("unit %q: %s against %s", unit.Name, msg, old.File)))
			}
		}
	}
	return append(out, notIn(old, t, t.File)...)
}

// moved describes a change beyond threshold, or "".
func moved(now, before, threshold *big.Rat) string {
	if now == nil || before == nil || before.Sign() == 0 {
		return ""
	}
	change := new(big.Rat).Sub(now, before)
	change.Quo(change, before)
	if new(big.Rat).Abs(change).Cmp(threshold) <= 0 {
		return ""
	}
	percent, _ := new(big.Rat).Mul(change, big.NewRat(100, 1)).Float64()
	return fmt.Sprintf("%s → %s (%+.1f %%)", decimal(before), decimal(now), percent)
}

// notIn lists the units of t that other lacks, each at its row; name is
// how the message names other.
func notIn(t, other *indicators.Table, name string) []*indicators.Error {
	idx, _ := indicators.MatchUnits(t, other) // every unit other lacks, not the first
	var out []*indicators.Error
	for u := range t.Units {
		if idx[u] < 0 {
			out = append(out, missingUnit(t, u, name))
		}
	}
	return out
}

// missingUnit is the finding that unit u of t is not in the table name.
func missingUnit(t *indicators.Table, u int, name string) *indicators.Error {
	return t.ErrorAt(u, "unit", fmt.Sprintf("unit %q is not in %s", t.Units[u].Name, name))
}

// unitsAcross warns about units that table t has and another checked
// table has not (indicators and spending of the same offices, say).
func unitsAcross(t *indicators.Table, others []*indicators.Table) []*indicators.Error {
	var out []*indicators.Error
	for _, other := range others {
		out = append(out, notIn(t, other, place(other))...)
	}
	return out
}

// place names a table in a message: its file, and its sheet.
func place(t *indicators.Table) string {
	if t.Sheet != "" {
		return t.File + " (" + t.Sheet + ")"
	}
	return t.File
}

// decimal shows x in a message: a decimal without trailing zeros.
func decimal(x *big.Rat) string {
	return strings.TrimSuffix(strings.TrimRight(x.FloatString(6), "0"), ".")
}
