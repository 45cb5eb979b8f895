package report

import "github.com/raumbudget/raumbudget/scenario"

// PeriodJSON is one quarter of plan's JSON, for documents that hold a
// quarter with more around it: a booking of the ledger.
type PeriodJSON = periodJSON

// PeriodOut is quarter q as one quarter of plan's JSON.
func PeriodOut(q scenario.Quarter) PeriodJSON { return periodOut(q) }
