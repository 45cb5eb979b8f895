package cmd

import (
	"fmt"
	"io"
	"os"

	"github.com/raumbudget/raumbudget/check"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Look-alike unit names (check.LookalikeNames) are warned about on stderr
// by every command that reads a table; check lists them among its
// warnings.

// tableWarnings prints warnings about the tables a command read on its
// stderr, each once: the scenarios of a file read the same table again.
// They are said in the run's language, which the run's stderr knows.
type tableWarnings struct {
	w    io.Writer
	lang msg.Lang
	seen map[string]bool
}

func newTableWarnings(w io.Writer) *tableWarnings {
	return &tableWarnings{w: w, lang: langOf(w), seen: map[string]bool{}}
}

// table prints the warnings about t's units: names that look alike.
func (tw *tableWarnings) table(t *indicators.Table) {
	if t != nil {
		tw.print(check.LookalikeNames(t))
	}
}

// reader prints the reader's warnings about t as a whole, such as a
// sheet hidden in Excel that --sheet names.
func (tw *tableWarnings) reader(t *indicators.Table) {
	if t == nil {
		return
	}
	tw.print(t.Warnings)
}

// print writes each warning not written before, one line each; a nil
// receiver writes to standard error.
func (tw *tableWarnings) print(warnings []*indicators.Error) {
	if tw == nil {
		tw = newTableWarnings(os.Stderr)
	}
	for _, w := range warnings {
		line := msg.New("raumbudget: warning: %s", msg.Of(w, tw.lang)).In(tw.lang)
		if !tw.seen[line] {
			tw.seen[line] = true
			fmt.Fprintln(tw.w, line)
		}
	}
}

// warnTo sends the warnings of every run of a scenario file to w, once.
func warnTo(runs []scenarioRun, w io.Writer) {
	tw := newTableWarnings(w)
	for _, r := range runs {
		r.Plan.Data.Warn = tw
	}
}
