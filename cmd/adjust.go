package cmd

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// adjustment changes one value of the data without editing the file:
// "+10%" or "-5%" (relative), "+500" or "-200" (absolute), "=1234" (set).
type adjustment struct {
	Key, Unit string
	Op        byte // '%', '+' or '='
	Value     *big.Rat
	Place     string // the config line, for messages
}

// readAdjustments reads adjust: {indicator key: {unit: change}}.
func readAdjustments(s *settings) ([]adjustment, error) {
	raw := s.raw("adjust")
	if raw == nil {
		return nil, nil
	}
	byKey, ok := raw.(map[string]any)
	if !ok {
		return nil, usagef("%s: expected a map like {sgb_recipients: {Bezirksstelle V: +10%%}}", s.where("adjust"))
	}
	var out []adjustment
	for _, key := range sortedKeys(byKey) {
		units, ok := byKey[key].(map[string]any)
		if !ok {
			return nil, usagef("%s: adjust: %s: expected a map of units to changes", s.lineOf("adjust."+key), key)
		}
		for _, unit := range sortedKeys(units) {
			place := s.lineOf("adjust."+key+"."+unit) + ": adjust"
			a, err := parseAdjustment(fmt.Sprint(units[unit]))
			if err != nil {
				return nil, usagef("%s: %s: %s: %v", place, key, unit, err)
			}
			a.Key, a.Unit, a.Place = key, unit, place
			out = append(out, a)
		}
	}
	return out, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func parseAdjustment(text string) (adjustment, error) {
	t := strings.TrimSpace(text)
	var a adjustment
	switch {
	case strings.HasPrefix(t, "="):
		a.Op, t = '=', t[1:]
	case strings.HasSuffix(t, "%"):
		a.Op, t = '%', strings.TrimSuffix(t, "%")
	case strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-"):
		a.Op = '+'
	default:
		return a, fmt.Errorf("%q: write +10%%, -5%%, +500, -200 or =1234", text)
	}
	t = strings.TrimPrefix(strings.TrimSpace(t), "+")
	dialect := indicators.English
	if strings.Contains(t, ",") {
		dialect = indicators.German
	}
	x, err := indicators.ParseNumber(t, dialect)
	if err != nil {
		return a, err
	}
	a.Value = x
	return a, nil
}

// applyAdjustments changes the table's values; a unit or key that is not
// there, or a value that would fall below 0, is an error.
func applyAdjustments(t *indicators.Table, adjust []adjustment) error {
	for _, a := range adjust {
		u := indexOf(t, a.Unit)
		if u < 0 {
			return usagef("%s: %s: unit %q is not in %s", a.Place, a.Key, a.Unit, t.File)
		}
		v, err := adjustedValue(t, u, a)
		if err != nil {
			return err
		}
		v.Set(a.apply(v))
		if v.Sign() < 0 {
			return usagef("%s: %s: %s: the value would fall below 0", a.Place, a.Key, a.Unit)
		}
	}
	return nil
}

// adjustedValue is the value an adjustment changes.
func adjustedValue(t *indicators.Table, u int, a adjustment) (*big.Rat, error) {
	if a.Key == allocate.SpendingKey && t.Units[u].Spending != nil {
		return t.Units[u].Spending, nil
	}
	for k, key := range t.Indicators {
		if key == a.Key {
			return t.Units[u].Values[k], nil
		}
	}
	return nil, usagef("%s: %q is not a weighted indicator or %s", a.Place, a.Key, allocate.SpendingKey)
}

func (a adjustment) apply(v *big.Rat) *big.Rat {
	switch a.Op {
	case '=':
		return new(big.Rat).Set(a.Value)
	case '%':
		f := new(big.Rat).Quo(a.Value, big.NewRat(100, 1))
		return f.Add(f, big.NewRat(1, 1)).Mul(f, v)
	}
	return new(big.Rat).Add(v, a.Value)
}
