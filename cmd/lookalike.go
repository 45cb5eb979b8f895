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

// lookalikeNames lists, in English, the warnings of lookalikeWarnings, for
// check's list of findings.
func lookalikeNames(t *indicators.Table) []string {
	var out []string
	for _, w := range lookalikeWarnings(t, msg.EN) {
		out = append(out, w.Error())
	}
	return out
}

// lookalikeWarnings warns, in language lang, about units whose names
// differ only in case, spaces or letters that look alike: probably one
// unit typed twice.
func lookalikeWarnings(t *indicators.Table, lang msg.Lang) []error {
	seen := map[string]int{}
	var out []error
	for u, unit := range t.Units {
		key := lookalike(unit.Name)
		if first, ok := seen[key]; ok {
			text := msg.New("unit %s looks like %s: the same office typed twice?", quoted(unit.Name), quoted(t.Units[first].Name))
			out = append(out, t.ErrorAt(u, "unit", text.In(lang)))
			continue
		}
		seen[key] = u
	}
	return out
}

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
		tw.print(lookalikeWarnings(t, tw.language()))
	}
}

// language is the language of the warnings; a nil receiver's is that of
// the environment.
func (tw *tableWarnings) language() msg.Lang {
	if tw == nil {
		return messageLang(nil)
	}
	return tw.lang
}

// reader prints the reader's warnings about t as a whole, such as a
// sheet hidden in Excel that --sheet names.
func (tw *tableWarnings) reader(t *indicators.Table) {
	if t == nil {
		return
	}
	warnings := make([]error, len(t.Warnings))
	for i, w := range t.Warnings {
		warnings[i] = w
	}
	tw.print(warnings)
}

// print writes each warning not written before; a nil receiver writes to
// standard error.
func (tw *tableWarnings) print(warnings []error) {
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
