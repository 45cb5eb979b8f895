package check

import "testing"

// Names a reader cannot tell apart reduce to one; names that differ in
// what a reader sees stay apart.
func TestLookalike(t *testing.T) {
	same := [][2]string{
		{"Bezirksstelle I", "Bezirksstelle l"},
		{"Bezirksstelle IV", "bezirksstelle  lV"},
		{"Bezirksstelle 10", "Bezirksstelle IO"},
		{"Nord", "Nоrd"},          // Cyrillic о
		{"Süd", "Sü\u200bd"},      // zero-width space
		{"Ost", "O\u00a0st"},      // no-break space
		{"Mitte", "MІTTE"},        // Cyrillic І
		{"Bezirk A", "Bezirk\tα"}, // Greek alpha, a tab
	}
	for _, p := range same {
		if lookalike(p[0]) != lookalike(p[1]) {
			t.Errorf("%q and %q should look alike: %q, %q", p[0], p[1], lookalike(p[0]), lookalike(p[1]))
		}
	}
	apart := [][2]string{{"Bezirksstelle I", "Bezirksstelle II"}, {"Nord", "Nordost"}, {"Süd", "Sud"}}
	for _, p := range apart {
		if lookalike(p[0]) == lookalike(p[1]) {
			t.Errorf("%q and %q should not look alike", p[0], p[1])
		}
	}
}
