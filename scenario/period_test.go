package scenario

import "testing"

// A quarter reads the same in every form controllers write it.
func TestParsePeriodForms(t *testing.T) {
	want := Period{2026, 3}
	for _, in := range []string{"2026-Q3", "2026 q3", "Q3/2026", "q3 / 2026", "Q3 2026", "3/2026", "III/2026", "iii / 2026",
		"3. Quartal 2026", "3.Quartal 2026", "3. quartal 2026"} {
		if got, err := ParsePeriod(in); err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"5/2026", "V/2026", "IIII/2026", "0/2026", "Q5/2026", "1/26", "5. Quartal 2026", "Quartal 2026", "1.2026", "2026/1"} {
		if got, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, got)
		}
	}
}

// Whatever reads as a quarter reads back the same from how it is written.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-Q1", "Q4/2027", "3/2026", "IV/2026", "2. Quartal 2026", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.Quarter < 1 || p.Quarter > 4 {
			t.Fatalf("ParsePeriod(%q) = %v: no quarter", s, p)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Fatalf("ParsePeriod(%q) = %v, but %q reads as %v, %v", s, p, p.String(), back, err)
		}
	})
}
