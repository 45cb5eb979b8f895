package cmd

import (
	"fmt"
	"math/big"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Plausibility rules of check: each returns warnings, one line each, for
// input that is valid but probably wrong.

// valueOf is unit u's value of key, nil if the table has no such column.
func valueOf(t *indicators.Table, u int, key string) *big.Rat {
	if key == spendingKey {
		return t.Units[u].Spending
	}
	for k, ik := range t.Indicators {
		if ik == key {
			return t.Units[u].Values[k]
		}
	}
	return nil
}

const spendingKey = "spending_prior_year"

// residentsKey is the column of all residents, which allocate does not
// read: check reads it apart, for warnings only.
const residentsKey = "residents"

// checkValue is valueOf, with the residents from their own table.
func checkValue(t, residents *indicators.Table, u int, key string) *big.Rat {
	if key != residentsKey {
		return valueOf(t, u, key)
	}
	if residents == nil {
		return nil
	}
	if r := indexOf(residents, t.Units[u].Name); r >= 0 {
		return residents.Units[r].Values[0]
	}
	return nil
}

// partAboveWhole warns where a part exceeds its whole in the same unit:
// migrant youth above all youth, youth or SGB recipients above residents.
// Residents come from the table's residents column, read apart (nil
// without one).
func partAboveWhole(t, residents *indicators.Table) []string {
	pairs := [][2]string{{"migrant_youth_0_18", "youth_0_18"}, {"youth_0_18", residentsKey}, {"sgb_recipients", residentsKey}}
	var out []string
	for u, unit := range t.Units {
		for _, p := range pairs {
			part, whole := valueOf(t, u, p[0]), checkValue(t, residents, u, p[1])
			if part != nil && whole != nil && part.Cmp(whole) > 0 {
				text := msg.New("unit %q: %s %s is above %s %s", unit.Name, indicators.KeyName(p[0]), trimDecimal(part), indicators.KeyName(p[1]), trimDecimal(whole))
				out = append(out, t.ErrorAt(u, p[0], text).Error())
			}
		}
	}
	return out
}

// hiddenRows warns about rows hidden in Excel: they are read, as Excel
// sums them too, but nobody sees them.
func hiddenRows(t *indicators.Table) []string {
	var out []string
	for _, row := range t.HiddenRows {
		e := &indicators.Error{File: t.File, Sheet: t.Sheet, Cell: fmt.Sprintf("A%d", row), Msg: msg.New("the row is hidden in Excel; its values are read")}
		out = append(out, e.Error())
	}
	return out
}

// movedAgainst warns where a value moved more than threshold (a share,
// e.g. 1/5) against the same unit's value in an older table, and about
// units in one table but not the other.
func movedAgainst(t, old *indicators.Table, threshold *big.Rat) []string {
	var out []string
	for u, unit := range t.Units {
		o := indexOf(old, unit.Name)
		if o < 0 {
			out = append(out, t.ErrorAt(u, "unit", msg.New("unit %q is not in %s", unit.Name, old.File)).Error())
			continue
		}
		for _, key := range append(append([]string{}, t.Indicators...), spendingKey) {
			if change := moved(valueOf(t, u, key), valueOf(old, o, key), threshold); change != "" {
				out = append(out, t.ErrorAt(u, key, msg.New("unit %q: %s against %s", unit.Name, change, old.File)).Error())
			}
		}
	}
	for o, unit := range old.Units {
		if indexOf(t, unit.Name) < 0 {
			out = append(out, old.ErrorAt(o, "unit", msg.New("unit %q is not in %s", unit.Name, t.File)).Error())
		}
	}
	return out
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
	percent := new(big.Rat).Mul(change, big.NewRat(100, 1))
	return fmt.Sprintf("%s → %s (%+.1f %%)", trimDecimal(before), trimDecimal(now), ratFloat(percent))
}

func ratFloat(x *big.Rat) float64 {
	f, _ := x.Float64()
	return f
}

// unitsAcross warns about units that table t has and another checked
// table has not (indicators and spending of the same offices, say).
func unitsAcross(t *indicators.Table, others []*indicators.Table) []string {
	var out []string
	for _, other := range others {
		for u, unit := range t.Units {
			if indexOf(other, unit.Name) < 0 {
				out = append(out, t.ErrorAt(u, "unit", msg.New("unit %q is not in %s", unit.Name, place(other))).Error())
			}
		}
	}
	return out
}

func place(t *indicators.Table) string {
	if t.Sheet != "" {
		return t.File + " (" + t.Sheet + ")"
	}
	return t.File
}
