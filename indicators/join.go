package indicators

import (
	"math/big"

	"github.com/raumbudget/raumbudget/internal/msg"
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
		return &Error{Msg: msg.New("JoinSpending: missing table")}
	case data.HasSpending:
		return data.ColumnError(keySpending, msg.New("%s has a spending column and %s is given too; use one of them", data.File, sp.File))
	case !sp.HasSpending:
		h := builtinHeadings[keySpending][0]
		return &Error{File: sp.File, Sheet: sp.Sheet, Column: keySpending, Heading: h, Msg: msg.New("is missing%s", expectedHeading(h))}
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
	lacks := func(name, file string) msg.Text {
		return msg.New("unit %s has no row in %s", cellText(name), file)
	}
	if len(sp.Indicators) == 1 && sp.Indicators[0] == KeyAmount { // an earlier allocation (ReadPrevious)
		lacks = func(name, file string) msg.Text {
			return msg.New("unit %s has no amount in %s", cellText(name), file)
		}
	}
	idx := make([]int, len(data.Units))
	inData := make(map[string]bool, len(data.Units))
	var err error
	for i, u := range data.Units {
		j, ok := inSp[u.Name]
		if !ok && err == nil {
			err = data.ErrorAt(i, keyUnit, lacks(u.Name, sp.File))
		}
		if !ok {
			j = -1
		}
		idx[i], inData[u.Name] = j, true
	}
	for j, u := range sp.Units {
		if !inData[u.Name] && err == nil {
			err = sp.ErrorAt(j, keyUnit, msg.New("unit %s is not in %s", cellText(u.Name), data.File))
		}
	}
	return idx, err
}
