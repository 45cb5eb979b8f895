package report

import (
	"bytes"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

func sweepOf(t *testing.T, withReference bool) *Sweep {
	t.Helper()
	in := allocate.Input{Budget: 1_000_000_01, IndicatorShare: big.NewRat(7, 10), Indicators: []allocate.Indicator{
		{Key: "youth_0_18", Weight: big.NewRat(1, 2)}, {Key: "sgb_recipients", Weight: big.NewRat(1, 2)}}}
	q := scenario.Quarter{Period: scenario.Period{Year: 2026, Quarter: 1}, IndicatorShare: in.IndicatorShare, Budget: in.Budget}
	for i, name := range []string{"Nord", "<b>Süd</b>", "Ost"} {
		in.Units = append(in.Units, allocate.Unit{Name: name, Spending: big.NewRat(int64(100+i), 1),
			Values: []*big.Rat{big.NewRat(int64(1000*(i+1)), 1), big.NewRat(int64(3000-900*i), 1)}})
		q.Units = append(q.Units, scenario.UnitQuarter{Name: name})
	}
	res, err := allocate.Run(in)
	if err != nil {
		t.Fatal(err)
	}
	q.Result = res
	var reference []allocate.Cents
	if withReference {
		reference = []allocate.Cents{30_000_000, 33_000_000, 37_000_001}
	}
	v := scenario.Vary{Key: "youth_0_18", From: big.NewRat(0, 1), To: big.NewRat(1, 1), Step: big.NewRat(3, 10)}
	sweep, err := scenario.RunSweep(in, v, reference)
	if err != nil {
		t.Fatal(err)
	}
	return &Sweep{Result: sweep, Quarter: q, Reference: reference, ReferenceLabel: "2025-Q4"}
}

// encodedJSON is the sweep as json.Encoder writes sweepJSON whole: what
// the streamed JSON must equal byte for byte.
func encodedJSON(s *Sweep) []byte {
	names := s.names()
	out := sweepJSON{Indicator: s.Result.Key, Period: s.Quarter.Period.String(), Budget: s.Quarter.Budget.String(),
		Reference: sweepReferenceJSON{Source: s.ReferenceLabel}, Steps: []sweepStepJSON{}, Crossings: []sweepCrossingJSON{}}
	for u, c := range s.Reference {
		out.Reference.Units = append(out.Reference.Units, amountsJSON{Unit: names[u], Amount: c.String()})
	}
	for _, step := range s.Result.Steps {
		js := sweepStepJSON{Weight: number(step.Weight), Weights: map[string]float64{}}
		for k, wk := range step.Weights {
			js.Weights[s.Quarter.Result.Indicators[k].Key] = number(wk)
		}
		for u, c := range step.Amounts {
			js.Units = append(js.Units, amountsJSON{Unit: names[u], Share: number(s.share(c)), Amount: c.String()})
		}
		out.Steps = append(out.Steps, js)
	}
	for _, c := range s.Result.Crossings {
		dir := "falling"
		if c.Rising {
			dir = "rising"
		}
		out.Crossings = append(out.Crossings, sweepCrossingJSON{Unit: names[c.Unit], Weight: number(c.Weight), Direction: dir})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
	return buf.Bytes()
}

// Streamed step by step, the JSON and CSV are the bytes of the whole.
func TestSweepStreamsTheSameBytes(t *testing.T) {
	for _, withReference := range []bool{true, false} {
		s := sweepOf(t, withReference)
		var whole bytes.Buffer
		if err := s.Write(&whole, "json", English); err != nil {
			t.Fatal(err)
		}
		if want := encodedJSON(s); !bytes.Equal(whole.Bytes(), want) {
			t.Fatalf("JSON\n%s\nwant\n%s", whole.Bytes(), want)
		}
		var wholeCSV bytes.Buffer
		_ = s.Write(&wholeCSV, "csv", English)
		steps := s.Result.Steps
		streamed := *s
		streamed.Result = &scenario.SweepResult{Key: s.Result.Key, Crossings: s.Result.Crossings}
		streamed.Steps = func(each func(scenario.SweepStep) error) error {
			for _, st := range steps {
				if err := each(st); err != nil {
					return err
				}
			}
			return nil
		}
		for format, want := range map[string][]byte{"json": whole.Bytes(), "csv": wholeCSV.Bytes()} {
			var got bytes.Buffer
			if err := streamed.Write(&got, format, English); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s streamed\n%s\nwant\n%s", format, got.Bytes(), want)
			}
		}
	}
	empty := sweepOf(t, false)
	empty.Result.Steps = nil
	var got bytes.Buffer
	if err := empty.Write(&got, "json", English); err != nil || !bytes.Equal(got.Bytes(), encodedJSON(empty)) {
		t.Errorf("no steps: %s, want %s (%v)", got.Bytes(), encodedJSON(empty), err)
	}
}
