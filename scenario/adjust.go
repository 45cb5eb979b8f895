package scenario

import (
	"math/big"
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Adjustment changes one value of the data without editing the file:
// "+10%" or "-5%" (relative), "+500" or "-200" (absolute), "=1234" (set).
// A scenario holds its data changes as adjustments.
type Adjustment struct {
	Key, Unit string
	Op        byte // '%', '+' or '='
	Value     *big.Rat
	Place     string // where it was given (a config line), for messages
}

// AdjustError is an adjustment that does not fit the data.
type AdjustError struct {
	Place string
	Text  msg.Text
}

func (e *AdjustError) Error() string { return e.In(msg.EN) }

func (e *AdjustError) In(l msg.Lang) string { return e.Place + ": " + e.Text.In(l) }

// ParseAdjustment reads one change such as "+10%", "-200" or "=1234"; a
// decimal comma is read as German, a point as English.
func ParseAdjustment(text string) (Adjustment, error) {
	t := strings.TrimSpace(text)
	var a Adjustment
	switch {
	case strings.HasPrefix(t, "="):
		a.Op, t = '=', t[1:]
	case strings.HasSuffix(t, "%"):
		a.Op, t = '%', strings.TrimSuffix(t, "%")
	case strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-"):
		a.Op = '+'
	default:
		return a, msg.Errorf("%q: write +10%%, -5%%, +500, -200 or =1234", text)
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

// Adjust changes the table's values in place; a unit or key that is not
// there, or a value that would fall below 0, is an *AdjustError.
func Adjust(t *indicators.Table, adjust []Adjustment) error {
	for _, a := range adjust {
		u := slices.IndexFunc(t.Units, func(unit indicators.Unit) bool { return unit.Name == a.Unit })
		if u < 0 {
			return &AdjustError{a.Place, msg.New("%s: unit %q is not in %s", a.Key, a.Unit, t.File)}
		}
		v, err := adjustedValue(t, u, a)
		if err != nil {
			return err
		}
		v.Set(a.apply(v))
		if v.Sign() < 0 {
			return &AdjustError{a.Place, msg.New("%s: %s: the value would fall below 0", a.Key, a.Unit)}
		}
	}
	return nil
}

// adjustedValue is the value an adjustment changes.
func adjustedValue(t *indicators.Table, u int, a Adjustment) (*big.Rat, error) {
	if a.Key == allocate.SpendingKey && t.Units[u].Spending != nil {
		return t.Units[u].Spending, nil
	}
	if k := slices.Index(t.Indicators, a.Key); k >= 0 {
		return t.Units[u].Values[k], nil
	}
	return nil, &AdjustError{a.Place, msg.New("%q is not a weighted indicator or %s", a.Key, indicators.KeyName(allocate.SpendingKey))}
}

// apply is v changed by the adjustment, as a new number.
func (a Adjustment) apply(v *big.Rat) *big.Rat {
	switch a.Op {
	case '=':
		return new(big.Rat).Set(a.Value)
	case '%':
		f := new(big.Rat).Quo(a.Value, big.NewRat(100, 1))
		return f.Add(f, big.NewRat(1, 1)).Mul(f, v)
	}
	return new(big.Rat).Add(v, a.Value)
}
