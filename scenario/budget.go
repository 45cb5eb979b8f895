package scenario

import (
	"github.com/raumbudget/raumbudget/allocate"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Budgets are yearly budgets: one per year where given, else Default.
type Budgets struct {
	Default *allocate.Cents
	ByYear  map[int]allocate.Cents
}

// Year is the yearly budget of year y.
func (b Budgets) Year(y int) (allocate.Cents, error) {
	if c, ok := b.ByYear[y]; ok {
		return c, nil
	}
	if b.Default != nil {
		return *b.Default, nil
	}
	return 0, msg.Errorf("no budget for %d", y)
}

// Quarter is a quarter of its year's budget; the cents that do not divide
// by four go one each to the earliest quarters.
func (b Budgets) Quarter(p Period) (allocate.Cents, error) {
	year, err := b.Year(p.Year)
	if err != nil {
		return 0, err
	}
	if year < 0 {
		return 0, msg.Errorf("the budget of %d is below 0", p.Year)
	}
	share := year / 4
	if allocate.Cents(p.Quarter) <= year%4 {
		share++
	}
	return share, nil
}
