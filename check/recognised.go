package check

import "github.com/raumbudget/raumbudget/indicators"

// recognise notes what check recognised about the layout of table t, each
// note at its place, so that a user sees which rows were not read as
// offices and why. It is the one place where such notes are made: today
// the total row left out of the data; the heading row below a title and
// the notes below the table belong here too when the reader tells them.
func recognise(f *File, t *indicators.Table) {
	if t.TotalRow > 0 {
		f.TotalRow = t.TotalRow
		f.Notes = append(f.Notes, rowError(t, t.TotalRow, "a total row: its values are the sums of the rows above, so it is left out of the data"))
	}
}
