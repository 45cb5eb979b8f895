package scenario

import (
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

// The Essen rule starts at α = 0.6 and reaches 1 in the fifth quarter:
// from then on no quarter splits money by spending, unless a corridor
// must start from the history shares.
func TestPlanNeedsSpending(t *testing.T) {
	corridor := &allocate.Corridor{MaxDecrease: rat("0.05")}
	late := essenPlan(2)
	late.Start = Period{2027, 1}
	late.TransitionStart = Period{2026, 1}
	tests := []struct {
		name        string
		plan        Plan
		hasPrevious bool
		want        bool
	}{
		{"α below 1", essenPlan(6), false, true},
		{"α = 1 throughout", late, false, false},
		{"α = 1 with a corridor", withCorridor(late, corridor), false, true},
		{"α = 1 with a corridor and the previous amounts", withCorridor(late, corridor), true, false},
	}
	for _, tt := range tests {
		if got := tt.plan.NeedsSpending(tt.hasPrevious); got != tt.want {
			t.Errorf("%s: NeedsSpending = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func withCorridor(p Plan, c *allocate.Corridor) Plan {
	p.Corridor = c
	return p
}
