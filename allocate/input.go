package allocate

import (
	"github.com/raumbudget/raumbudget/internal/vocab"
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// SpendingKey names the prior-year spending in errors and contributions.
const SpendingKey = vocab.Spending

// HistoryKey names the history part of an amount among its contributions.
const HistoryKey = vocab.History

// Indicator is one social indicator of the formula.
type Indicator struct {
	Key     string
	Weight  *big.Rat // w_k ≥ 0; the weights of all indicators sum to 1
	Inverse bool     // more of it means less need: shares follow 1/I
}

// Unit is an allocation unit with its inputs.
type Unit struct {
	Name     string
	Values   []*big.Rat // I_k(u), one per Input.Indicators, each ≥ 0
	Spending *big.Rat   // S(u) ≥ 0; nil counts as 0
}

// Input is everything one period's allocation depends on.
type Input struct {
	Budget         Cents    // B_t ≥ 0
	IndicatorShare *big.Rat // α in [0, 1]
	Indicators     []Indicator
	Units          []Unit
}

// InputError is input the model rejects. Unit is the index of the unit it
// concerns or -1; Key is the indicator key, [SpendingKey] or "". Its
// message names no key: a caller names the column by Key, in the user's
// heading. Text is the sentence of the catalogue, said in the run's
// language; Msg is its English, for callers that place it as text.
type InputError struct {
	Unit int
	Key  string
	Msg  string
	Text msg.Text
}

func (e *InputError) Error() string {
	return e.Msg
}

// In is the message in language l.
func (e *InputError) In(l msg.Lang) string {
	if e.Text.IsZero() {
		return e.Msg
	}
	return e.Text.In(l)
}

func inputErr(unit int, key, format string, args ...any) *InputError {
	text := msg.New(format, args...)
	return &InputError{Unit: unit, Key: key, Msg: text.In(msg.EN), Text: text}
}

var ratOne = big.NewRat(1, 1)

// validate checks what the model requires before any share is computed.
func (in *Input) validate() error {
	if in.Budget < 0 {
		return inputErr(-1, "", "budget %s is below 0", msg.Dec(in.Budget.String()))
	}
	if a := in.IndicatorShare; a == nil || a.Sign() < 0 || a.Cmp(ratOne) > 0 {
		return inputErr(-1, "", "indicator share must lie in [0, 1]")
	}
	if len(in.Units) == 0 {
		return inputErr(-1, "", "there are no units")
	}
	if err := in.validateWeights(); err != nil {
		return err
	}
	for u := range in.Units {
		if err := in.validateUnit(u); err != nil {
			return err
		}
	}
	return nil
}

func (in *Input) validateWeights() error {
	sum := new(big.Rat)
	for _, ind := range in.Indicators {
		if ind.Weight == nil || ind.Weight.Sign() < 0 {
			return inputErr(-1, ind.Key, "the weight must be ≥ 0")
		}
		sum.Add(sum, ind.Weight)
	}
	if sum.Cmp(ratOne) != 0 {
		return inputErr(-1, "", "weights sum to %s, not 1", msg.Dec(decimal(sum)))
	}
	return nil
}

func (in *Input) validateUnit(u int) error {
	unit := in.Units[u]
	if len(unit.Values) != len(in.Indicators) {
		return inputErr(u, "", "unit %q has %d values for %d indicators", unit.Name, len(unit.Values), len(in.Indicators))
	}
	for k, v := range unit.Values {
		if v == nil || v.Sign() < 0 {
			return inputErr(u, in.Indicators[k].Key, "unit %q: the value must be a number ≥ 0", unit.Name)
		}
		if v.Sign() == 0 && in.Indicators[k].Inverse {
			return inputErr(u, in.Indicators[k].Key, "unit %q: the value of an inverse indicator is 0", unit.Name)
		}
	}
	if unit.Spending != nil && unit.Spending.Sign() < 0 {
		return inputErr(u, SpendingKey, "unit %q: spending is below 0", unit.Name)
	}
	return nil
}

// decimal shows x as a decimal without trailing zeros, for messages.
func decimal(x *big.Rat) string {
	s := x.FloatString(6)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}
