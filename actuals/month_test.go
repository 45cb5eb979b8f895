package actuals

import (
	"strings"
	"testing"
)

func TestParseMonth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"2026-01", "2026-01"}, {"2026-1", "2026-01"}, {"01.2026", "2026-01"}, {"1.2026", "2026-01"},
		{"01/2026", "2026-01"}, {"Januar 2026", "2026-01"}, {"Jan. 2026", "2026-01"}, {"jan 2026", "2026-01"},
		{"März 2026", "2026-03"}, {"Mrz. 2026", "2026-03"}, {"Dez. 2025", "2025-12"}, {"Sept. 2026", "2026-09"},
		{" 12.2026 ", "2026-12"}, {"15.01.2026", "2026-01"}, {"2026-02-28", "2026-02"}, {"Mai\u00a02026", "2026-05"},
	} {
		m, err := ParseMonth(tc.in)
		if err != nil || m.String() != tc.want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %s", tc.in, m, err, tc.want)
		}
	}
}

func TestParseMonthRefuses(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"2026-13", "not a month"}, {"13.2026", "not a month"}, {"Jan 26", "four digits"}, {"Foo 2026", "not a month"},
		{"30.02.2026", "not a month"}, {"", "not a month"}, {"2026", "not a month"}, {"01.2026.5", "not a month"},
	} {
		_, err := ParseMonth(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseMonth(%q) = %v; want an error with %q", tc.in, err, tc.msg)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"15.01.2026", "2026-01"}, {"1.3.2026", "2026-03"}, {"29.02.2024", "2024-02"}, {"2026-12-31", "2026-12"},
	} {
		m, err := ParseDate(tc.in)
		if err != nil || m.String() != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tc.in, m, err, tc.want)
		}
	}
	for _, in := range []string{"29.02.2026", "32.01.2026", "01.2026", "15.01.26", "Januar 2026"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) succeeded", in)
		}
	}
}

func TestSerialMonth(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1", "1900-01"}, {"59", "1900-02"}, {"60", "1900-02"}, {"61", "1900-03"},
		{"45658", "2025-01"}, {"46022", "2025-12"}, {"46023", "2026-01"}, {"46053", "2026-01"}, {"46054", "2026-02"},
		{"46112.75", "2026-03"}, {"2958465", "9999-12"},
	} {
		m, err := SerialMonth(tc.in)
		if err != nil || m.String() != tc.want {
			t.Errorf("SerialMonth(%q) = %v, %v; want %s", tc.in, m, err, tc.want)
		}
	}
	for _, in := range []string{"0", "-5", "2958466", "1E5", "abc"} {
		if _, err := SerialMonth(in); err == nil {
			t.Errorf("SerialMonth(%q) succeeded", in)
		}
	}
}

// FuzzParseMonth: no input panics, and a month read writes back as a month
// that reads the same.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2026-01", "01.2026", "01/2026", "Januar 2026", "Jan. 2026", "15.01.2026", "2026-01-15", "Jan 26", "46023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range []func(string) (Month, error){ParseMonth, ParseDate, SerialMonth} {
			m, err := parse(s)
			if err != nil {
				continue
			}
			if m.Num() < 1 || m.Num() > 12 || m.Year() < 1 || m.Year() > 9999 {
				t.Fatalf("%q read as %v", s, m)
			}
			if back, err := ParseMonth(m.String()); err != nil || back != m {
				t.Fatalf("%q read as %v, which reads back as %v, %v", s, m, back, err)
			}
		}
	})
}
