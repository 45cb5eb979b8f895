package indicators

import (
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Bounds of a CSV record, as of what Excel can hold: a line of 100 MB of
// ';' would make 100 million empty cells, some 9 GB of memory in
// encoding/csv, before the first of them is looked at. csvReader checks
// them as it reads: the bytes of a cell are counted as they stand in the
// file, its quotes and line ends with them.
const (
	maxFields    = 16384     // cells per line: Excel's columns
	maxFieldSize = 128 << 10 // bytes per cell: 32,767 characters, most of them not ASCII
)

// tooManyCells is the error of a record, starting on line, of more than
// maxFields cells.
func tooManyCells(file string, line int) *Error {
	return &Error{File: file, Line: line, Msg: msg.New("the line has more than %s cells, more than Excel has columns; is it a table?", msg.Int(maxFields))}
}

// cellTooLong is the error of a cell longer than maxFieldSize, which
// reaches it on line.
func cellTooLong(file string, line int) *Error {
	return &Error{File: file, Line: line, Msg: msg.New("a cell longer than %s KiB; is it a table? (an unclosed quote makes one cell of the rest of the file)", msg.Int(maxFieldSize>>10))}
}
