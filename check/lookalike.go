package check

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/raumbudget/raumbudget/indicators"
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

// LookalikeNames warns about units whose names differ only in case,
// spaces or letters that look alike: probably one unit typed twice. Each
// warning is at the later unit's row.
func LookalikeNames(t *indicators.Table) []*indicators.Error {
	seen := map[string]int{}
	var out []*indicators.Error
	for u, unit := range t.Units {
		key := lookalike(unit.Name)
		if first, ok := seen[key]; ok {
			msg := fmt.Sprintf("unit %q looks like %q: the same office typed twice?", unit.Name, t.Units[first].Name)
			out = append(out, t.ErrorAt(u, "unit", msg))
			continue
		}
		seen[key] = u
	}
	return out
}
