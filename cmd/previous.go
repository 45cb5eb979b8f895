package cmd

import (
	"fmt"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// previousAmounts reads the booked amounts of the quarter before and lines
// them up with the units of the data; both must name the same units.
func previousAmounts(path string, data *indicators.Table) ([]allocate.Cents, error) {
	prev, err := indicators.ReadPrevious(path, indicators.Options{})
	if err != nil {
		return nil, inputFileError(err)
	}
	byName := map[string]int{}
	for i, u := range prev.Units {
		byName[u.Name] = i
	}
	amounts := make([]allocate.Cents, len(data.Units))
	for u, unit := range data.Units {
		i, ok := byName[unit.Name]
		if !ok {
			return nil, data.ErrorAt(u, "unit", fmt.Sprintf("unit %q has no amount in %s", unit.Name, path))
		}
		if amounts[u], err = cents(prev, i); err != nil {
			return nil, err
		}
		delete(byName, unit.Name)
	}
	for _, i := range byName {
		return nil, prev.ErrorAt(i, "unit", fmt.Sprintf("unit %q is not in %s", prev.Units[i].Name, data.File))
	}
	return amounts, nil
}

// cents is unit i's amount in whole cents.
func cents(t *indicators.Table, i int) (allocate.Cents, error) {
	c := new(big.Rat).Mul(t.Units[i].Values[0], big.NewRat(100, 1))
	if !c.IsInt() || !c.Num().IsInt64() {
		return 0, t.ErrorAt(i, indicators.KeyAmount, "an amount must be whole cents")
	}
	return allocate.Cents(c.Num().Int64()), nil
}
