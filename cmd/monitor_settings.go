package cmd

import (
	"fmt"
	"io"
	"math/big"
	"slices"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/monitor"
)

// monitorOptions are everything one run of monitor needs.
type monitorOptions struct {
	Year        int
	Soll        string   // an output of plan; "" for the ledger
	Config      string   // the config file, whose plan settings continue the ledger
	Ledger      string   // --ledger as given
	ledgerName  string   // where the Soll's ledger is, for the report
	istLedger   string   // the ledger whose Ist imports count without --ist
	Ist         []string // Ist tables
	AsOf        int      // 1–12; 0: the last month with Ist in Year
	Method      monitor.Method
	Tolerance   *big.Rat
	Strict      bool
	CostCenters map[string]string
	Output      outputOptions
	stderr      io.Writer // the command's, for the progress line
}

// monitorExtraKeys are the config keys monitor reads without a flag, and
// those of plan, which a shared config file holds.
func monitorExtraKeys() []string {
	keys := []string{"cost-centers"}
	return slices.Concat(keys, planSettingKeys(), outputKeys, []string{"config"})
}

func readAsOf(s *settings, year int) (int, error) {
	text := s.v.GetString("as-of")
	if text == "" {
		return 0, nil
	}
	m, err := actuals.ParseMonth(text)
	if err != nil {
		return 0, usagef("%s: %v", s.where("as-of"), err)
	}
	if m.Year() != year {
		return 0, usagef("%s: %s is not in %d", s.where("as-of"), m, year)
	}
	return m.Num(), nil
}

// readCostCenters reads the config's cost-centers: {Kostenstelle: unit}.
func readCostCenters(s *settings) (map[string]string, error) {
	centres := map[string]string{}
	switch raw := s.raw("cost-centers").(type) {
	case nil:
	case map[string]any:
		for cc, unit := range raw {
			centres[cc] = fmt.Sprint(unit)
		}
	default:
		return nil, usagef("%s: expected a map like {\"51010\": Bezirksstelle I}", s.where("cost-centers"))
	}
	return centres, nil
}
