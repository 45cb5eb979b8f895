package check

import (
	"fmt"
	"strings"

	"github.com/raumbudget/raumbudget/indicators"
)

// recognise notes what check recognised about the layout of table t, each
// note at its place, so that a user sees which rows were not read as
// offices and why: the heading row below a title, the total row left out
// of the data, the notes below the table. It is the one place where such
// notes are made.
func recognise(f *File, t *indicators.Table) {
	f.HeadingRow = t.HeadingRow
	if len(t.Titles) > 0 {
		f.Notes = append(f.Notes, rowError(t, t.HeadingRow, fmt.Sprintf("the heading row; the text above it (a title, notes) is left out: %s", titles(t.Titles))))
	}
	if t.TotalRow > 0 {
		f.TotalRow = t.TotalRow
		f.Notes = append(f.Notes, rowError(t, t.TotalRow, "a total row: its values are the sums of the rows above, so it is left out of the data"))
	}
	for _, n := range t.Notes {
		f.Notes = append(f.Notes, rowError(t, n.Line, fmt.Sprintf("a note below the table, left out: %q", n.Text)))
	}
}

// titles lists the rows above the heading row by their text, as a user
// finds them.
func titles(notes []indicators.Note) string {
	quoted := make([]string, len(notes))
	for i, n := range notes {
		quoted[i] = fmt.Sprintf("%q", n.Text)
	}
	return strings.Join(quoted, ", ")
}
