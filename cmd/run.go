package cmd

import (
	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/demo"
)

func readBudget(s *settings, isDemo bool) (allocate.Cents, error) {
	text := s.v.GetString("budget")
	if text == "" && isDemo {
		return demo.Budget, nil
	}
	if text == "" {
		return 0, usagef("--budget is required (the period's budget in euros)")
	}
	budget, err := parseEuros(text)
	if err != nil {
		return 0, usagef("%s: %v", s.where("budget"), err)
	}
	return budget, nil
}

// wrapRun marks errors from a command's run for exitCode.
func wrapRun(err error) error {
	if err == nil {
		return nil
	}
	return &runError{err}
}
