package cmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestYAMLRefusals: what the YAML library lets pass silently is an error
// naming file and line.
func TestYAMLRefusals(t *testing.T) {
	for _, c := range []struct{ name, file, want string }{
		{"budget twice", "data: d.csv\nannual-budget: 1\nannual-budget: 2\n", "s.yaml:3: annual-budget is given twice (first on line 2): remove one"},
		{"year twice", "annual-budgets:\n  2026: 1\n  2027: 2\n  2026: 3\n", "s.yaml:4: annual-budgets: 2026 is given twice (first on line 2)"},
		{"weight twice", "weights: {youth_0_18: 0.5, youth_0_18: 0.5}\n", "s.yaml:1: weights: youth_0_18 is given twice"},
		{"scenario key twice", "data: d.csv\nscenarios:\n  - name: a\n    from: 1\n    from: 0.5\n", "s.yaml:5: scenarios: from is given twice (first on line 4)"},
		{"inverse as map", "inverse: {youth_0_18: true}\n", "s.yaml:1: inverse takes a list or one value, not a map"},
		{"inverse entry a map", "inverse: [{a: b}]\n", "s.yaml:1: inverse: each entry is an indicator key"},
		{"weight a list", "weights: {youth_0_18: [1]}\n", "s.yaml:1: weights: youth_0_18 takes one value, not a list"},
		{"second document", "data: d.csv\n---\nbudget: 1\n", "s.yaml:2: a second YAML document (after ---)"},
		{"null data", "data: ~\n", "s.yaml:1: data is empty (null): give it a value or leave the key out"},
		{"empty data", "data:\nannual-budget: 1\n", "s.yaml:1: data is empty (null)"},
		{"not a year", "annual-budgets:\n  2026: 1\n  2O27: 2\n", `s.yaml:3: annual-budgets: "2O27" is not a year (four digits, like 2027)`},
		{"alias in itself", "a: &x [*x]\n", "s.yaml:1: the alias *x is inside its own anchor &x"},
		{"syntax", "data: [\n", "s.yaml:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadScenarioFile(writeScenarioFile(t, c.file))
			var usage *usageError
			if !errors.As(err, &usage) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a usage error containing %q", err, c.want)
			}
		})
	}
}

// aliasBomb is a "billion laughs" of YAML aliases: levels anchors of 9
// aliases each, a few hundred bytes that expand to 9^levels values.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= levels; i++ {
		p := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.Repeat(p+", ", 8)+p)
	}
	return b.String()
}

// TestAliasBomb: a small file of nested aliases is refused at once, not
// expanded until the memory is gone.
func TestAliasBomb(t *testing.T) {
	bomb := aliasBomb(9)
	if len(bomb) > 600 {
		t.Fatalf("the bomb is %d bytes; it should be small", len(bomb))
	}
	for _, load := range []func(string) error{
		func(p string) error { _, err := loadScenarioFile(p); return err },
		func(p string) error { _, _, err := loadConfig(p, []string{"a0"}); return err },
	} {
		err := load(writeScenarioFile(t, bomb))
		if err == nil || !strings.Contains(err.Error(), "more than 20000 values with its aliases (*name) expanded") {
			t.Fatalf("got %v, want the alias limit", err)
		}
	}
}

// TestYAMLSize: a config file is read with a limit, regular or not.
func TestYAMLSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte("data: "+strings.Repeat("x", maxYAMLBytes)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := loadConfig(path, []string{"data"}); err == nil || !strings.Contains(err.Error(), "larger than 1024 KiB") {
		t.Errorf("big file: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, _, err := loadConfig("/dev/zero", []string{"data"}); err == nil || !strings.Contains(err.Error(), "larger than 1024 KiB") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
}

// TestYAMLAccepts: what is fine stays fine: aliases within the limit, a
// document marker, the same key in different mappings.
func TestYAMLAccepts(t *testing.T) {
	path := writeScenarioFile(t, "---\ndata: d.csv\nannual-budget: 1\nweights: &w {youth_0_18: 0.5, sgb_recipients: 0.5}\n"+
		"scenarios:\n  - {name: a, weights: *w, from: 1}\n  - {name: b, from: 1}\n")
	if _, err := loadScenarioFile(path); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkAliasBomb: refusing a 522-byte alias bomb takes bounded time
// and memory (see -benchmem: about the cost of maxYAMLNodes nodes).
func BenchmarkAliasBomb(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bomb.yaml")
	if err := os.WriteFile(path, []byte(aliasBomb(9)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := loadConfig(path, []string{"a0"}); err == nil {
			b.Fatal("the bomb was read")
		}
	}
}
