package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

// withEntries adds test entries to the catalogue for the length of a test.
func withEntries(t *testing.T, entries map[string]string) {
	t.Helper()
	for en, de := range entries {
		german[en] = de
	}
	t.Cleanup(func() {
		for en := range entries {
			delete(german, en)
		}
	})
}

func TestTextIn(t *testing.T) {
	withEntries(t, map[string]string{
		"column %q is missing":            "Spalte „%s“ fehlt",
		"%[1]s moved from %[2]s to %[3]s": "%[1]s: von %[2]s auf %[3]s",
		"%d rows, %s":                     "%d Zeilen, %s",
		"cannot read %s: %w":              "%s kann nicht gelesen werden: %v",
	})
	inner := Errorf("column %q is missing", "Migranten 0-18")
	tests := []struct {
		text   Text
		de, en string
	}{
		{New("column %q is missing", "Migranten 0-18"), "Spalte „Migranten 0-18“ fehlt", `column "Migranten 0-18" is missing`},
		{New("%[1]s moved from %[2]s to %[3]s", "Nord", Int(6463), Int(-6339)), "Nord: von 6.463 auf −6.339", "Nord moved from 6,463 to -6,339"},
		{New("%d rows, %s", 12345, Percent("-1.9")), "12345 Zeilen, −1,9 %", "12345 rows, -1.9 %"},
		{New("cannot read %s: %w", "a.csv", inner), "a.csv kann nicht gelesen werden: Spalte „Migranten 0-18“ fehlt", `cannot read a.csv: column "Migranten 0-18" is missing`},
		{New("not in the catalogue %d", 3), "not in the catalogue 3", "not in the catalogue 3"},
	}
	for _, tt := range tests {
		if got := tt.text.In(DE); got != tt.de {
			t.Errorf("In(DE) = %q, want %q", got, tt.de)
		}
		if got := tt.text.In(EN); got != tt.en {
			t.Errorf("In(EN) = %q, want %q", got, tt.en)
		}
	}
}

func TestDec(t *testing.T) {
	tests := []struct{ in, de, en string }{
		{"0", "0", "0"},
		{"999", "999", "999"},
		{"1000", "1.000", "1,000"},
		{"-1234567.89", "−1.234.567,89", "-1,234,567.89"},
		{"12.5", "12,5", "12.5"},
	}
	for _, tt := range tests {
		if got := Dec(tt.in).In(DE); got != tt.de {
			t.Errorf("Dec(%q).In(DE) = %q, want %q", tt.in, got, tt.de)
		}
		if got := Dec(tt.in).In(EN); got != tt.en {
			t.Errorf("Dec(%q).In(EN) = %q, want %q", tt.in, got, tt.en)
		}
	}
}

func TestErrorfWrapsAndOfLooksThroughPlainWrappers(t *testing.T) {
	withEntries(t, map[string]string{"cannot open %s: %w": "%s kann nicht geöffnet werden: %v"})
	err := Errorf("cannot open %s: %w", "a.csv", fs.ErrNotExist)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("Errorf does not wrap its %w argument")
	}
	if got, want := err.Error(), "cannot open a.csv: file does not exist"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	transparent := &wrapper{err}
	if got, want := Of(transparent, DE), "a.csv kann nicht geöffnet werden: file does not exist"; got != want {
		t.Errorf("Of(transparent wrapper) = %q, want %q", got, want)
	}
	withWords := fmt.Errorf("context: %w", err)
	if got, want := Of(withWords, DE), withWords.Error(); got != want {
		t.Errorf("Of(wrapper with words) = %q, want its own %q", got, want)
	}
	if Of(nil, DE) != "" {
		t.Error("Of(nil) is not empty")
	}
}

type wrapper struct{ err error }

func (w *wrapper) Error() string { return w.err.Error() }
func (w *wrapper) Unwrap() error { return w.err }

func TestParse(t *testing.T) {
	for code, want := range map[string]Lang{"de": DE, "DE": DE, "": DE, "en": EN, " en ": EN} {
		if got, ok := Parse(code); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v", code, got, ok)
		}
	}
	if _, ok := Parse("fr"); ok {
		t.Error("Parse(fr) is ok")
	}
}
