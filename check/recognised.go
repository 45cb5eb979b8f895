package check

import (
	"github.com/raumbudget/raumbudget/internal/msg"
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
		f.Notes = append(f.Notes, rowError(t, t.HeadingRow, msg.New("the heading row; the text above it (a title, notes) is left out: %s", titles(t.Titles))))
	}
	if t.TotalRow > 0 {
		f.TotalRow = t.TotalRow
		f.Notes = append(f.Notes, rowError(t, t.TotalRow, msg.New("a total row: its values are the sums of the rows above, so it is left out of the data")))
	}
	for _, n := range t.Notes {
		f.Notes = append(f.Notes, rowError(t, n.Line, msg.New("a note below the table, left out: %q", n.Text)))
	}
}

// titles lists the rows above the heading row by their text, as a user
// finds them, quoted as the language quotes.
type titles []indicators.Note

func (ts titles) In(l msg.Lang) string {
	quoted := make([]string, len(ts))
	for i, n := range ts {
		quoted[i] = msg.New("%q", n.Text).In(l)
	}
	return strings.Join(quoted, ", ")
}
