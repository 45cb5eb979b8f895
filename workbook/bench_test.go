package workbook

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"

	"github.com/raumbudget/raumbudget/internal/gen"
)

// manyUnitsPlan is a plan of four quarters over rbgen's table of rows
// rows in units units, summed per unit as the readers do.
func manyUnitsPlan(tb testing.TB, rows, units int) *scenario.Result {
	tb.Helper()
	var in allocate.Input
	for _, key := range []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"} {
		in.Indicators = append(in.Indicators, allocate.Indicator{Key: key, Weight: big.NewRat(1, 4)})
	}
	sums := make([][5]int64, units)
	for i, r := range gen.Rows(rows, units, 1) {
		s := &sums[i%units]
		s[0], s[1], s[2], s[3], s[4] = s[0]+r.Youth, s[1]+r.SGB, s[2]+r.Migrants, s[3]+r.OpenSpace, s[4]+r.Spending
	}
	for u, s := range sums {
		in.Units = append(in.Units, allocate.Unit{Name: fmt.Sprint("Bezirksstelle ", u+1),
			Values:   []*big.Rat{big.NewRat(s[0], 1), big.NewRat(s[1], 1), big.NewRat(s[2], 1), big.NewRat(s[3], 10)},
			Spending: big.NewRat(s[4], 100)})
	}
	yearly := allocate.Cents(48_000_000_00)
	res, err := scenario.Run(scenario.Plan{Start: scenario.Period{Year: 2026, Quarter: 1}, Quarters: 4,
		Schedule: scenario.Schedule{Rule: scenario.EssenRule()}, Budgets: scenario.Budgets{Default: &yearly}}, in)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchmarkPlanReportManyUnits: the xlsx report of a plan of 100,000
// units, four quarters (three streamed sheets of a row per unit).
func BenchmarkPlanReportManyUnits(b *testing.B) {
	res := manyUnitsPlan(b, 100_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Plan(res, nil, meta(report.German, "2026-11-22")); err != nil {
			b.Fatal(err)
		}
	}
}
