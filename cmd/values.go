package cmd

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"unicode"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/vocab"
)

// defaultIndicators are the model's indicators in their usual order.
var defaultIndicators = vocab.Indicators

// parseEuros reads an amount in euros with at most two decimals, written
// the German way ("12.000.000,50") or the English way ("12,000,000.50").
// Both readings are tried; one that writes more than two decimals is no
// amount, so a dot or comma before exactly three digits separates
// thousands ("12.000" and "12,000" are twelve thousand) and one before one
// or two digits is the decimal separator ("12,5", "12.50"). With the
// thousands grouped by three, as both readings demand, no text is an
// amount both ways with different values; should one ever be, it is
// refused with both readings rather than guessed.
func parseEuros(s string) (allocate.Cents, error) {
	s = strings.TrimSpace(s)
	if strings.ContainsFunc(euroSigns.Replace(s), unicode.IsLetter) {
		return 0, msg.Errorf("%q is not an amount in euros: write digits, e.g. 12000000 or 12.000.000,00", s)
	}
	var readings []*big.Rat
	var firstErr error
	for _, d := range []indicators.Dialect{indicators.German, indicators.English} {
		x, err := readAmount(s, d)
		switch {
		case err != nil && (firstErr == nil || errors.Is(err, errDecimals)):
			firstErr = err // the decimals say more than a grouping that fails
		case err == nil && (len(readings) == 0 || readings[0].Cmp(x) != 0):
			readings = append(readings, x)
		}
	}
	switch len(readings) {
	case 0:
		return 0, firstErr
	case 2:
		return 0, msg.Errorf("%q is ambiguous: it reads as %s or as %s; write it without thousands separators", s,
			msg.Dec(readings[0].FloatString(2)), msg.Dec(readings[1].FloatString(2)))
	}
	x := readings[0]
	if x.Sign() < 0 {
		return 0, msg.Errorf("%q is below 0", s)
	}
	cents := new(big.Rat).Mul(x, big.NewRat(100, 1))
	if !cents.Num().IsInt64() || cents.Num().BitLen() > 62 {
		return 0, msg.Errorf("%q is too large", s)
	}
	return allocate.Cents(cents.Num().Int64()), nil
}

// readAmount reads s in one dialect; more than two decimals written (also
// "12.000" read the English way) make it no amount.
func readAmount(s string, d indicators.Dialect) (*big.Rat, error) {
	x, err := indicators.ParseNumber(s, d)
	if err != nil {
		return nil, err
	}
	decimal, thousands := ",", "."
	if d == indicators.English {
		decimal, thousands = ".", ","
	}
	if lead, _, ok := strings.Cut(s, thousands); ok && strings.Trim(strings.TrimFunc(lead, notDigit), "0") == "" {
		return nil, msg.Errorf("%q is not a number", s) // "0.500" groups no thousands
	}
	if _, frac, ok := strings.Cut(s, decimal); ok && len(strings.TrimFunc(frac, notDigit)) > 2 {
		return nil, msg.Errorf("%q has %w", s, errDecimals)
	}
	return x, nil
}

var errDecimals = msg.Errorf("more than two decimals")

func notDigit(r rune) bool { return r < '0' || r > '9' }

// euroSigns are the currency marks an amount may carry.
var euroSigns = strings.NewReplacer("€", "", "EUR", "", "Euro", "")

// maxShareText bounds a share's text, so that no fraction of huge numbers
// is built from it.
const maxShareText = 64

// parseShare reads a share exactly: "0.6", "0,6", "60%", "60 %" or "3/5".
func parseShare(s string) (*big.Rat, error) {
	text := strings.TrimSpace(s)
	percent := strings.HasSuffix(text, "%")
	text = strings.TrimSpace(strings.TrimSuffix(text, "%"))
	if !strings.Contains(text, ".") {
		text = strings.Replace(text, ",", ".", 1)
	}
	if len(text) > maxShareText {
		return nil, msg.Errorf("%q is not a share: more than %d characters", s, maxShareText)
	}
	// No exponent: "1e999999999" would make big.Rat build a number of a
	// billion digits; a share is written 0.6, 60 % or 3/5.
	x, ok := new(big.Rat).SetString(text)
	if !ok || strings.ContainsAny(text, "xXpP_eE") {
		return nil, msg.Errorf("%q is not a number", s)
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
				return nil, msg.Errorf("%s: write key=value, e.g. youth_0_18=0.25", msg.Quoted(item))
			}
			if _, dup := pairs[k]; dup {
				return nil, msg.Errorf("%s is given twice", msg.Named(k))
			}
			pairs[k] = val
		}
	default:
		return nil, msg.Errorf("expected key=value pairs or a map, got %v", v)
	}
	weights := map[string]*big.Rat{}
	for k, val := range pairs {
		x, err := parseShare(val)
		if err != nil {
			return nil, msg.Errorf("%s: %v", msg.Named(k), err)
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
