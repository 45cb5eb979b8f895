package indicators

import (
	"fmt"
	"math/big"
)

// JoinSpending copies spending from the table sp (read with NeedSpending)
// into data, matching unit names exactly (after trimming). A unit in one
// table but not the other is an *Error naming the unit and the place in the
// table that has it. If data already has a spending column, that is an
// error too: the user must use one or the other. On error data is
// unchanged.
func JoinSpending(data, sp *Table) error {
	if err := checkJoin(data, sp); err != nil {
		return err
	}
	idx, err := MatchUnits(data, sp)
	if err != nil {
		return err
	}
	for i, j := range idx {
		data.Units[i].Spending = new(big.Rat).Set(sp.Units[j].Spending)
	}
	data.HasSpending = true
	data.Headings[keySpending] = sp.Headings[keySpending]
	data.spending, data.spendingUnit = sp, idx
	return nil
}

func checkJoin(data, sp *Table) error {
	switch {
	case data == nil || sp == nil:
		return &Error{Msg: "JoinSpending: missing table"}
	case data.HasSpending:
		msg := fmt.Sprintf("%s has a spending column and %s is given too; use one of them", data.File, sp.File)
		return data.ColumnError(keySpending, msg)
	case !sp.HasSpending:
		msg := fmt.Sprintf("is missing (expected a heading like %q)", builtinHeadings[keySpending][0])
		return &Error{File: sp.File, Sheet: sp.Sheet, Column: keySpending, Msg: msg}
	}
	return nil
}

// MatchUnits returns, for every unit of data, its index in other, and fails
// on a unit either table lacks, naming the row and the other file (a unit
// missing from a table of amounts "has no amount" there, else "no row"). It
// is the one place where units of two tables are matched: by name, as read (names
// are trimmed when a table is read; MODEL.md). With an error idx is still
// whole, -1 where other lacks a unit of data, for a caller that lists every
// unit missing instead of the first (check).
func MatchUnits(data, sp *Table) ([]int, error) {
	inSp := make(map[string]int, len(sp.Units))
	for j, u := range sp.Units {
		inSp[u.Name] = j
	}
	lacks := "row"
	if len(sp.Indicators) == 1 && sp.Indicators[0] == KeyAmount {
		lacks = "amount" // an earlier allocation (ReadPrevious)
	}
	idx := make([]int, len(data.Units))
	inData := make(map[string]bool, len(data.Units))
	var err error
	for i, u := range data.Units {
		j, ok := inSp[u.Name]
		if !ok && err == nil {
			err = data.ErrorAt(i, keyUnit, fmt.Sprintf("unit %s has no %s in %s", quote(u.Name), lacks, sp.File))
		}
		if !ok {
			j = -1
		}
		idx[i], inData[u.Name] = j, true
	}
	for j, u := range sp.Units {
		if !inData[u.Name] && err == nil {
			err = sp.ErrorAt(j, keyUnit, fmt.Sprintf("unit %s is not in %s", quote(u.Name), data.File))
		}
	}
	return idx, err
}
