package cmd

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"unicode"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// defaultIndicators are the model's indicators in their usual order.
var defaultIndicators = []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"}

// parseEuros reads an amount in euros with at most two decimals. German
// input is recognised by a comma ("12.000.000,50") or by several dots
// ("12.000.000"); anything else is read with a decimal point. A single dot
// followed by three digits ("12.000") is refused as more than two decimals
// rather than guessed.
func parseEuros(s string) (allocate.Cents, error) {
	s = strings.TrimSpace(s)
	if strings.ContainsFunc(euroSigns.Replace(s), unicode.IsLetter) {
		return 0, fmt.Errorf("%q is not an amount in euros: write digits, e.g. 12000000 or 12.000.000,00", s)
	}
	dialect := indicators.English
	if strings.Contains(s, ",") || strings.Count(s, ".") > 1 {
		dialect = indicators.German
	}
	if _, frac, ok := strings.Cut(s, "."); ok && dialect == indicators.English {
		switch digits := len(strings.TrimSpace(strings.Trim(frac, "€EUR "))); {
		case digits == 3:
			return 0, fmt.Errorf("%q is ambiguous: a dot before three digits may separate thousands or decimals; write %s or %s,00", s,
				strings.Replace(strings.TrimSpace(strings.Trim(s, "€EUR ")), ".", "", 1), strings.TrimSpace(strings.Trim(s, "€EUR ")))
		case digits > 2:
			return 0, fmt.Errorf("%q has more than two decimals", s)
		}
	}
	x, err := indicators.ParseNumber(s, dialect)
	if err != nil {
		return 0, err
	}
	cents := new(big.Rat).Mul(x, big.NewRat(100, 1))
	if !cents.IsInt() {
		return 0, fmt.Errorf("%q has more than two decimals", s)
	}
	if x.Sign() < 0 {
		return 0, fmt.Errorf("%q is below 0", s)
	}
	if !cents.Num().IsInt64() || cents.Num().BitLen() > 62 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return allocate.Cents(cents.Num().Int64()), nil
}

// euroSigns are the currency marks an amount may carry.
var euroSigns = strings.NewReplacer("€", "", "EUR", "", "Euro", "")

// parseShare reads a share exactly: "0.6", "0,6", "60%", "60 %" or "3/5".
func parseShare(s string) (*big.Rat, error) {
	text := strings.TrimSpace(s)
	percent := strings.HasSuffix(text, "%")
	text = strings.TrimSpace(strings.TrimSuffix(text, "%"))
	if !strings.Contains(text, ".") {
		text = strings.Replace(text, ",", ".", 1)
	}
	x, ok := new(big.Rat).SetString(text)
	if !ok || strings.ContainsAny(text, "xXpP_") {
		return nil, fmt.Errorf("%q is not a number", s)
	}
	if percent {
		x.Quo(x, big.NewRat(100, 1))
	}
	return x, nil
}

// parseWeights reads weights from a flag or an environment variable
// ("youth_0_18=0.4,sgb_recipients=0.6") or from the config file (a map).
// Known indicators come first in their usual order, others by name.
func parseWeights(v any) (map[string]*big.Rat, error) {
	pairs := map[string]string{}
	switch w := v.(type) {
	case map[string]any:
		for k, val := range w {
			pairs[k] = fmt.Sprint(val)
		}
	case string:
		for _, item := range strings.Split(w, ",") {
			k, val, ok := strings.Cut(item, "=")
			if strings.TrimSpace(item) == "" {
				continue
			}
			k = strings.TrimSpace(k)
			if !ok {
				return nil, fmt.Errorf("%q: write key=value, e.g. youth_0_18=0.25", item)
			}
			if _, dup := pairs[k]; dup {
				return nil, fmt.Errorf("%s is given twice", k)
			}
			pairs[k] = val
		}
	default:
		return nil, fmt.Errorf("expected key=value pairs or a map, got %v", v)
	}
	weights := map[string]*big.Rat{}
	for k, val := range pairs {
		x, err := parseShare(val)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", k, err)
		}
		weights[k] = x
	}
	return weights, nil
}

// indicatorOrder lists the keys of weights: the model's indicators first,
// the others by name.
func indicatorOrder(weights map[string]*big.Rat) []string {
	var known, other []string
	for _, k := range defaultIndicators {
		if _, ok := weights[k]; ok {
			known = append(known, k)
		}
	}
	for k := range weights {
		if !slices.Contains(defaultIndicators, k) {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	return append(known, other...)
}

// sumText shows a sum of weights for a message: exactly when six decimals
// do, else with twelve and how far it is from 1, so that a sum just off 1
// never reads "1".
func sumText(x *big.Rat) string {
	short := trimDecimal(x)
	if r, ok := new(big.Rat).SetString(short); ok && r.Cmp(x) == 0 {
		return short
	}
	diff := new(big.Rat).Sub(x, big.NewRat(1, 1))
	sign := "+"
	if diff.Sign() < 0 {
		sign = "−"
		diff.Neg(diff)
	}
	return fmt.Sprintf("%s… (1 %s %s)", x.FloatString(12), sign, new(big.Float).SetRat(diff).Text('g', 3))
}

// trimDecimal shows x as a decimal without trailing zeros, for messages.
func trimDecimal(x *big.Rat) string {
	return strings.TrimSuffix(strings.TrimRight(x.FloatString(6), "0"), ".")
}
