package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Look-alike unit names are one office typed twice more often than two
// offices: "Bezirksstelle l" (lower-case L) next to "Bezirksstelle I" is
// paid as an office of its own. check lists them among its warnings; every
// other command that reads a table prints them on stderr.

// confusables map letters that read like a Latin one, after lower-casing:
// l, 1 and | read as i, 0 as o, and the Cyrillic and Greek letters that a
// copy from another document can bring in.
var confusables = map[rune]rune{
	'l': 'i', '1': 'i', '|': 'i', '0': 'o',
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
	'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
}

// lookalike reduces a name to what a reader sees: no case, no spaces, no
// invisible characters, and look-alike letters as one ("Bezirksstelle lV"
// is "Bezirksstelle IV").
func lookalike(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			continue // spaces, and zero-width ones nobody sees
		}
		if c, ok := confusables[r]; ok {
			r = c
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lookalikeNames warns about units whose names differ only in case,
// spaces or letters that look alike: probably one unit typed twice.
func lookalikeNames(t *indicators.Table) []string {
	seen := map[string]int{}
	var out []string
	for u, unit := range t.Units {
		key := lookalike(unit.Name)
		if first, ok := seen[key]; ok {
			text := msg.New("unit %q looks like %q: the same office typed twice?", unit.Name, t.Units[first].Name)
			out = append(out, t.ErrorAt(u, "unit", text).Error())
			continue
		}
		seen[key] = u
	}
	return out
}

// tableWarnings prints warnings about the tables a command read on its
// stderr, each once: the scenarios of a file read the same table again.
type tableWarnings struct {
	w    io.Writer
	seen map[string]bool
}

func newTableWarnings(w io.Writer) *tableWarnings {
	return &tableWarnings{w: w, seen: map[string]bool{}}
}

// table prints the warnings about t's units: names that look alike.
func (tw *tableWarnings) table(t *indicators.Table) {
	if t != nil {
		tw.print(lookalikeNames(t))
	}
}

// reader prints the reader's warnings about t as a whole, such as a
// sheet hidden in Excel that --sheet names.
func (tw *tableWarnings) reader(t *indicators.Table) {
	if t == nil {
		return
	}
	lines := make([]string, len(t.Warnings))
	for i, w := range t.Warnings {
		lines[i] = w.Error()
	}
	tw.print(lines)
}

// print writes each line not written before; a nil receiver writes to
// standard error.
func (tw *tableWarnings) print(lines []string) {
	if tw == nil {
		tw = newTableWarnings(os.Stderr)
	}
	for _, line := range lines {
		if !tw.seen[line] {
			tw.seen[line] = true
			fmt.Fprintf(tw.w, "raumbudget: warning: %s\n", line)
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
