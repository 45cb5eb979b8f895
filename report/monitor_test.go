package report

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/monitor"
)

func monitorView(t *testing.T, colour bool) *Monitor {
	t.Helper()
	units := []monitor.Unit{
		{Name: "A", Quarters: [4]int64{300, 300, 300, 300}, Ist: [12]int64{100, 100, 100, 100}},
		{Name: "B", Quarters: [4]int64{300, 300, 300, 300}, Ist: [12]int64{200, 200, 200, 200}},
		{Name: "C", Quarters: [4]int64{300, 300, 300, 300}, Ist: [12]int64{100, 100, 100, 104}},
	}
	res, err := monitor.Run(monitor.Input{Year: 2026, AsOf: 4, Method: monitor.Linear, Tolerance: big.NewRat(5, 100), Units: units})
	if err != nil {
		t.Fatal(err)
	}
	return &Monitor{Result: res, Soll: "plan.csv", Colour: colour}
}

// On a terminal the status is a coloured mark; elsewhere it is a word.
func TestMonitorStatusMarks(t *testing.T) {
	for _, tc := range []struct {
		colour bool
		lang   *Lang
		want   []string
	}{
		{true, German, []string{"\x1b[32m●\x1b[0m", "\x1b[31m●\x1b[0m", "\x1b[33m●\x1b[0m"}},
		{false, German, []string{"gruen", "rot", "gelb"}},
		{false, English, []string{"green", "red", "yellow"}},
	} {
		var buf bytes.Buffer
		if err := monitorView(t, tc.colour).Write(&buf, "table", tc.lang); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(buf.String(), "\n")
		for i, name := range []string{"A", "B", "C"} {
			if !containsRow(lines, "│ "+name+" ", tc.want[i]) {
				t.Errorf("colour %v, %s: row %s has no %q:\n%s", tc.colour, tc.lang.Code, name, tc.want[i], buf.String())
			}
		}
		if !tc.colour && strings.Contains(buf.String(), "\x1b[") {
			t.Errorf("escape codes without colour:\n%s", buf.String())
		}
	}
}

func containsRow(lines []string, prefix, want string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) && strings.Contains(l, want) {
			return true
		}
	}
	return false
}
