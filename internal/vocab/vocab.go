// Package vocab defines the domain's words once: the keys of the table
// columns, the model's indicators with their default weights, the usual
// German and English heading of each, and the names of a report's
// allocation sheet. It imports nothing of the project, so that every
// package, the engine too, can take its words from here.
package vocab

import (
	"maps"
	"math/big"
	"slices"
)

// Keys of the columns that are not indicators, and of the history part of
// an amount.
const (
	Unit     = "unit"
	Area     = "area"
	Spending = "spending_prior_year"
	Period   = "period"
	Amount   = "amount"
	History  = "history"
)

// Indicators are the model's indicators in their usual order.
var Indicators = []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"}

// DefaultWeights are the weights when none are given: equal, summing to 1.
func DefaultWeights() map[string]*big.Rat {
	w := make(map[string]*big.Rat, len(Indicators))
	for _, k := range Indicators {
		w[k] = big.NewRat(1, int64(len(Indicators)))
	}
	return w
}

// german and english are the usual heading of each key: the one German
// tables have and reports and templates write, and its English word.
var (
	german = map[string]string{
		Unit:                 "Bezirksstelle",
		Area:                 "Stadtteil",
		"youth_0_18":         "Einwohner 0-18",
		"sgb_recipients":     "SGB II/XII",
		"migrant_youth_0_18": "Migranten 0-18",
		"open_space_m2":      "Freifläche m²",
		Spending:             "Mittelabfluss Vorjahr",
	}
	english = map[string]string{
		Unit:                 "District office",
		Area:                 "Area",
		"youth_0_18":         "Residents 0-18",
		"sgb_recipients":     "SGB II/XII recipients",
		"migrant_youth_0_18": "Migrant residents 0-18",
		"open_space_m2":      "Open space m²",
		Spending:             "Prior-year spending",
	}
)

// German is the usual German heading of key; "" for a key without one.
func German(key string) string { return german[key] }

// English is the English heading of key; "" for a key without one.
func English(key string) string { return english[key] }

// GermanHeadings are the usual German headings of keys, in their order.
func GermanHeadings(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = german[k]
	}
	return out
}

// HeadingKeys are the keys with a heading, sorted.
func HeadingKeys() []string { return slices.Sorted(maps.Keys(german)) }

// AllocationSheets name the allocation sheet of a report, German first.
var AllocationSheets = []string{"Zuteilung", "Allocation"}
