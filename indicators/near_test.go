package indicators

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// A missing column's error carries the headings found and the one that
// was probably meant, placed at its header cell.
func TestMissingColumnNearHeading(t *testing.T) {
	schema := Schema{Indicators: []string{"youth_0_18", "migrant_youth_0_18", "kita_places"},
		Headings: map[string]string{"Kita-Plätze": "kita_places"}}
	for _, tt := range []struct {
		header, near, meant, msg string
	}{
		{"Bezirksstelle;Einwohner 0-18;Migrnaten 0-18;Kita-Plätze", "Migrnaten 0-18", "Migranten 0-18", `data.csv:1: column "migrant_youth_0_18" is missing`},
		{"Bezirkstelle;Einwohner 0-18;Migranten 0-18;Kita-Plätze", "Bezirkstelle", "Bezirksstelle", `data.csv:1: column "unit" is missing`},
		{"Bezirksstelle;Einwohner 0-18;Migranten 0-18;Kita Platze", "Kita Platze", "Kita-Plätze", `data.csv:1: column "kita_places" is missing`},
		// Too far from any heading of the column: no guess, no place.
		{"Bezirksstelle;Einwohner 0-18;Ausländer;Kita-Plätze", "", "", `data.csv: column "migrant_youth_0_18" is missing`},
		{"Bezirksstelle;Einwohner 0-18;Migr.;Kita-Plätze", "", "", `data.csv: column "migrant_youth_0_18" is missing`},
	} {
		_, err := Read(strings.NewReader(tt.header+"\nNord;1;1;1\n"), "data.csv", schema, Options{})
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: %v", tt.header, err)
		}
		if e.Near != tt.near || e.Meant != tt.meant || !strings.HasPrefix(e.Error(), tt.msg) {
			t.Errorf("%s: near %q meant %q (%s), want %q %q (%s)", tt.header, e.Near, e.Meant, e.Error(), tt.near, tt.meant, tt.msg)
		}
		if want := strings.Split(tt.header, ";"); !slices.Equal(e.Found, want) {
			t.Errorf("%s: found %q", tt.header, e.Found)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"migranten", "migrnaten", 1}, // two letters swapped
		{"bezirksstelle", "bezirkstelle", 1},
		{"abc", "abc", 0},
		{"", "abc", 3},
		{"kitaplätze", "kitaplatze", 1},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
