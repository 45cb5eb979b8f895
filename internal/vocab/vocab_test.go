package vocab

import (
	"math/big"
	"testing"
)

func TestDefaultWeightsSumToOne(t *testing.T) {
	sum := new(big.Rat)
	for _, k := range Indicators {
		sum.Add(sum, DefaultWeights()[k])
	}
	if sum.Cmp(big.NewRat(1, 1)) != 0 || len(DefaultWeights()) != len(Indicators) {
		t.Errorf("default weights %v sum to %s, want one each summing to 1", DefaultWeights(), sum.RatString())
	}
}

// Every key with a heading has one in both languages, so that no report
// heads a column in one language only.
func TestHeadingsInBothLanguages(t *testing.T) {
	for _, k := range HeadingKeys() {
		if German(k) == "" || English(k) == "" {
			t.Errorf("%s: German %q, English %q", k, German(k), English(k))
		}
	}
	for _, k := range append([]string{Unit, Spending}, Indicators...) {
		if German(k) == "" {
			t.Errorf("%s has no heading", k)
		}
	}
}
