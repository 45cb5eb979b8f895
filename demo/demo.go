// Package demo holds the built-in sample data of raumbudget.
//
// The data are illustrative, not official. They are modelled on the city of
// Essen (about 585,000 residents, 9 Stadtbezirke, 50 Stadtteile, 8 district
// offices of the youth office) and use the real names of its quarters and
// districts, but every number was made up to look plausible. Only the total of
// residents aged 0–18 (94,930) follows a published figure (Essen, 2005). Do
// not use the figures for any real decision.
//
// indikatoren.csv has one row per Stadtteil with the four default indicators;
// mittelabfluss.csv has one row per Bezirksstelle with its prior-year
// spending. Both are semicolon-separated with decimal commas, as exported
// from German Excel.
package demo

import (
	"bytes"
	_ "embed"
)

// Budget is the demo's quarterly budget in cents (a quarter of a 48,000,000 € year).
const Budget = 12_000_000_00

// Names of the embedded files, for use in messages.
const (
	IndicatorsName = "demo/indikatoren.csv"
	SpendingName   = "demo/mittelabfluss.csv"
)

//go:embed indikatoren.csv
var indicators []byte

//go:embed mittelabfluss.csv
var spending []byte

// Indicators returns a fresh reader over the embedded indikatoren.csv.
func Indicators() *bytes.Reader { return bytes.NewReader(indicators) }

// Spending returns a fresh reader over the embedded mittelabfluss.csv.
func Spending() *bytes.Reader { return bytes.NewReader(spending) }
