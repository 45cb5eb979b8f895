package scenario

import (
	"math/big"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Rule is the model's schedule: α_i = min(to, from + step · ⌊i / every⌋).
type Rule struct {
	From, To, Step *big.Rat
	Every          int
}

// Step sets the indicator share from a period on.
type Step struct {
	Period         Period
	IndicatorShare *big.Rat
}

// Schedule gives each period of a plan its indicator share: by the rule,
// or, when List is not empty, by the list, each entry holding until the
// next one.
type Schedule struct {
	Rule Rule
	List []Step
}

// EssenRule is the Essen transition: 60 % to 100 % in steps of 10 points
// each quarter.
func EssenRule() Rule {
	return Rule{From: big.NewRat(6, 10), To: big.NewRat(1, 1), Step: big.NewRat(1, 10), Every: 1}
}

// Validate checks the rule or the list.
func (s Schedule) Validate() error {
	if len(s.List) > 0 {
		return s.validateList()
	}
	r := s.Rule
	for _, x := range []*big.Rat{r.From, r.To} {
		if !isShare(x) {
			return msg.Errorf("from and to must lie in [0, 1]")
		}
	}
	switch {
	case r.From.Cmp(r.To) > 0:
		return msg.Errorf("from %s is above to %s", msg.Dec(r.From.FloatString(2)), msg.Dec(r.To.FloatString(2)))
	case r.Step == nil || r.Step.Sign() < 0:
		return msg.Errorf("step must be 0 or more")
	case r.Every < 1:
		return msg.Errorf("every must be 1 or more")
	}
	return nil
}

func (s Schedule) validateList() error {
	for i, step := range s.List {
		if !isShare(step.IndicatorShare) {
			return msg.Errorf("%s: indicator share must lie in [0, 1]", step.Period)
		}
		if i > 0 && !s.List[i-1].Period.Before(step.Period) {
			return msg.Errorf("%s: periods must be listed in order, each once", step.Period)
		}
	}
	return nil
}

func isShare(x *big.Rat) bool {
	return x != nil && x.Sign() >= 0 && x.Cmp(big.NewRat(1, 1)) <= 0
}

// At is the indicator share of period p, step i of the rule counted from
// the transition start; i < 0 (before the start) has the rule's From.
func (s Schedule) At(i int, p Period) (*big.Rat, error) {
	if len(s.List) == 0 {
		return s.Rule.at(i), nil
	}
	var share *big.Rat
	for _, step := range s.List {
		if p.Before(step.Period) {
			break
		}
		share = step.IndicatorShare
	}
	if share == nil {
		return nil, msg.Errorf("the schedule starts at %s, after %s", s.List[0].Period, p)
	}
	return share, nil
}

func (r Rule) at(i int) *big.Rat {
	i = max(i, 0)
	a := new(big.Rat).Mul(r.Step, big.NewRat(int64(i/r.Every), 1))
	a.Add(a, r.From)
	if a.Cmp(r.To) > 0 {
		return new(big.Rat).Set(r.To)
	}
	return a
}
