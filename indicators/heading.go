package indicators

import (
	"github.com/raumbudget/raumbudget/internal/vocab"
	"strings"
	"unicode"
)

// Keys of the columns that are not indicators.
const (
	keyUnit     = vocab.Unit
	keyArea     = vocab.Area
	keySpending = vocab.Spending
	keyPeriod   = vocab.Period
	// KeyAmount is the column of an earlier allocation's amounts.
	KeyAmount = vocab.Amount
)

// builtinHeadings are the headings German tables use for each key, besides
// the key itself; the first one, the usual (vocab), is suggested when a
// column is missing.
var builtinHeadings = map[string][]string{
	keyUnit:              {vocab.German(keyUnit)},
	keyArea:              {vocab.German(keyArea), "Sozialraum", "Bezirk"},
	"youth_0_18":         {vocab.German("youth_0_18"), "Einwohner unter 18"},
	"sgb_recipients":     {vocab.German("sgb_recipients"), "SGB II/SGB XII", "Leistungsempfänger SGB II/XII"},
	"migrant_youth_0_18": {vocab.German("migrant_youth_0_18")},
	"open_space_m2":      {vocab.German("open_space_m2"), "Freiflaeche m2"},
	keySpending:          {vocab.German(keySpending), "Mittelabfluss des Vorjahres"},
	keyPeriod:            {"Quartal", "Periode", "Zeitraum"},
	KeyAmount:            {"Betrag", "Betrag €", "Amount €", "Zuteilung"},
}

// normHeading reduces a heading to what users mean by it: case, spaces
// (also the non-breaking ones Excel inserts), underscores and the typography
// of "m²" or "0–18" do not count.
func normHeading(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isSpace(r) || r == '_':
			continue
		case r == '²':
			r = '2'
		case r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−':
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// headingKeys maps normalised headings to keys: the keys themselves, the
// built-in German headings, then the user's, which win.
func headingKeys(schema Schema) map[string]string {
	m := make(map[string]string)
	for key, hs := range builtinHeadings {
		m[normHeading(key)] = key
		for _, h := range hs {
			m[normHeading(h)] = key
		}
	}
	for _, key := range schema.Indicators {
		m[normHeading(key)] = key
	}
	for h, key := range schema.Headings {
		m[normHeading(h)] = key
	}
	return m
}

// example returns a heading to suggest for a missing column: a built-in
// German one, else one from the user's config, else the key.
func example(key string, schema Schema) string {
	if hs := builtinHeadings[key]; len(hs) > 0 {
		return hs[0]
	}
	best := ""
	for h, k := range schema.Headings {
		if k == key && (best == "" || h < best) {
			best = h // smallest, so that the message does not change from run to run
		}
	}
	if best != "" {
		return best
	}
	return key
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}
