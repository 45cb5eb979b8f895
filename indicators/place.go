package indicators

import (
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/xlsx"
)

// ErrorAt builds an *Error for unit i (its first row) and the column of key
// ("" = no column). The command uses it to place errors the engine finds,
// e.g. a zero value in an inverse indicator.
func (t *Table) ErrorAt(unit int, key string, m msg.Text) *Error {
	if unit < 0 || unit >= len(t.Units) {
		return t.errorAt(0, key, m)
	}
	if key == keySpending && t.spending != nil {
		return t.spending.ErrorAt(t.spendingUnit[unit], key, m)
	}
	return t.errorAt(t.Units[unit].Line, key, m)
}

// ColumnError builds an *Error for a whole column (Line 0 / header cell),
// e.g. "total is 0 but weight is 0.25".
func (t *Table) ColumnError(key string, m msg.Text) *Error {
	if key == keySpending && t.spending != nil {
		return t.spending.ColumnError(key, m)
	}
	return t.errorAt(0, key, m)
}

// errorAt places m at the cell of key in the row at line (CSV line or
// xlsx row); line 0 means the whole column, which xlsx shows as its header
// cell. Without a column, an xlsx error points at the unit's name. A
// column the table lacks is named by its key, and in German by its heading.
func (t *Table) errorAt(line int, key string, m msg.Text) *Error {
	e := &Error{File: t.File, Msg: m}
	col, ok := t.cols[key]
	if key != "" {
		e.Column = t.Headings[key]
		if !ok {
			e.Column, e.Heading = key, example(key, Schema{})
		}
	}
	if !t.xlsx {
		e.Line = line
		return e
	}
	e.Sheet = t.Sheet
	if line == 0 && ok {
		line = t.headerLine
	}
	if !ok {
		col, ok = t.cols[keyUnit]
	}
	if line > 0 && ok {
		e.Cell = cellName(col, line)
	}
	return e
}

// lineRef names a row in a message: "on line 3" for CSV, "in row 3" for
// xlsx, where users see row numbers.
func (t *Table) lineRef(line int) msg.Text {
	if t.xlsx {
		return msg.New("in row %d", line)
	}
	return msg.New("on line %d", line)
}

// cellName returns the A1 name of column col (from 0) in row; "" if out of
// the sheet's range.
func cellName(col, row int) string {
	return xlsx.CellName(col+1, row)
}
