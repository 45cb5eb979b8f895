package yearly

import (
	"math/big"
	"time"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/monitor"
	"github.com/raumbudget/raumbudget/report"
)

// View is the report as a reader sees it: in a language, on a date.
type View struct {
	Report     *Report
	Lang       *report.Lang
	ReportDate time.Time // the only date in the HTML and the workbook
	Version    string
}

// words of the yearly report by language.
var words = map[string]map[string]string{
	"de": {
		"title":          "Jahresbericht Sozialraumbudgets %d",
		"subtitle":       "Mittelverteilung Hilfen zur Erziehung je Bezirksstelle",
		"report_date":    "Berichtsdatum",
		"contents":       "Inhalt",
		"quarters":       "Gebuchte Quartale",
		"units":          "Bezirksstellen im Jahr",
		"chart_budget":   "Budget je Bezirksstelle und Quartal",
		"chart_shares":   "Annäherung an das Ziel: Anteil bei α = 100 % (100 % = erreicht)",
		"chart_soll":     "Soll und Ist kumuliert",
		"changes":        "Veränderung vom ersten zum letzten gebuchten Quartal",
		"inputs":         "Verwendete Indikatordaten",
		"audit":          "Buchungsprotokoll",
		"quarter":        "Quartal",
		"alpha":          "Indikatoranteil α",
		"budget":         "Budget",
		"unit":           "Bezirksstelle",
		"total":          "Summe",
		"year_total":     "Jahressumme",
		"total_before":   "Vorjahr",
		"change":         "Veränderung",
		"soll":           "Soll Jahr",
		"ist":            "Ist bis Monat",
		"projection":     "Prognose",
		"deviation":      "Abweichung",
		"status":         "Status",
		"green":          "grün",
		"yellow":         "gelb",
		"red":            "rot",
		"share_target":   "Anteil / Anteil bei α = 100 %",
		"month":          "Monat",
		"cause":          "Ursache",
		"amount":         "Betrag",
		"from":           "Betrag",
		"to":             "Betrag",
		"role":           "Art",
		"file":           "Datei",
		"bytes":          "Bytes",
		"revision":       "Revision",
		"active":         "aktiv",
		"replaced":       "ersetzt",
		"booked_at":      "gebucht am",
		"booked_by":      "von",
		"reason":         "Grund",
		"hash":           "Hash",
		"verified":       "ledger verify: intakt – jede Buchung aus ihren gespeicherten Eingaben nachgerechnet, Hash-Kette geschlossen.",
		"not_verified":   "ledger verify: NICHT intakt – %d Abweichungen:",
		"no_ist":         "Soll/Ist: Das Hauptbuch speichert kein Ist; ohne --ist-Dateien zeigt der Bericht keine Soll/Ist-Zahlen.",
		"ist_note":       "Soll = gebuchte Beträge; ein nicht gebuchtes Quartal zählt mit 0 (geplant). Ist bis %s, Prognose %s.",
		"no_before":      "–",
		"no_change":      "keine Zerlegung: %s",
		"value":          "Wert",
		"version":        "Programmversion",
		"linear":         "linear",
		"seasonal":       "saisonal",
		"planned":        "geplant",
		"sheet_quarters": "Quartale",
		"sheet_shares":   "Anteile",
		"sheet_sollist":  "Soll-Ist",
		"sheet_changes":  "Veränderung",
		"audit_sheet":    "Buchungen",
	},
	"en": {
		"title":          "Yearly report of the district budgets %d",
		"subtitle":       "Allocation of youth welfare (HzE) budgets per district office",
		"report_date":    "Report date",
		"contents":       "Contents",
		"quarters":       "Booked quarters",
		"units":          "District offices in the year",
		"chart_budget":   "Budget per district office and quarter",
		"chart_shares":   "Moving towards the target: the share at α = 100% (100% = reached)",
		"chart_soll":     "Soll and Ist, cumulative",
		"changes":        "Change from the first to the last booked quarter",
		"inputs":         "Indicator data used",
		"audit":          "Audit trail",
		"quarter":        "Quarter",
		"alpha":          "Indicator share α",
		"budget":         "Budget",
		"unit":           "District office",
		"total":          "Total",
		"year_total":     "Year total",
		"total_before":   "Year before",
		"change":         "Change",
		"soll":           "Soll (year)",
		"ist":            "Ist to month",
		"projection":     "Projection",
		"deviation":      "Deviation",
		"status":         "Status",
		"green":          "green",
		"yellow":         "yellow",
		"red":            "red",
		"share_target":   "Share / share at α = 100%",
		"month":          "Month",
		"cause":          "Cause",
		"amount":         "Amount",
		"from":           "Amount",
		"to":             "Amount",
		"role":           "Role",
		"file":           "File",
		"bytes":          "Bytes",
		"revision":       "Revision",
		"active":         "active",
		"replaced":       "replaced",
		"booked_at":      "booked at",
		"booked_by":      "by",
		"reason":         "Reason",
		"hash":           "Hash",
		"verified":       "ledger verify: intact – every booking recomputed from its stored inputs, the hash chain closed.",
		"not_verified":   "ledger verify: NOT intact – %d differences:",
		"no_ist":         "Soll/Ist: the ledger stores no Ist; without --ist files the report shows no Soll/Ist figures.",
		"ist_note":       "Soll = the booked amounts; a quarter not booked counts as 0 (planned). Ist to %s, projection %s.",
		"no_before":      "–",
		"no_change":      "no split: %s",
		"value":          "Value",
		"version":        "Program version",
		"linear":         "linear",
		"seasonal":       "seasonal",
		"planned":        "planned",
		"sheet_quarters": "Quarters",
		"sheet_shares":   "Shares",
		"sheet_sollist":  "Soll-Ist",
		"sheet_changes":  "Changes",
		"audit_sheet":    "Bookings",
	},
}

// w is the view's word for key.
func (v *View) w(key string) string {
	if s, ok := words[v.Lang.Code][key]; ok {
		return s
	}
	return key
}

// euros is an amount in the view's number format, with the sign €.
func (v *View) euros(c allocate.Cents) string { return v.Lang.Euros(c) + " €" }

// optEuros is an amount or a dash.
func (v *View) optEuros(c *allocate.Cents) string {
	if c == nil {
		return v.w("no_before")
	}
	return v.euros(*c)
}

// share is a share as a percentage with one decimal.
func (v *View) share(x *big.Rat) string {
	if x == nil {
		return v.w("no_before")
	}
	p := new(big.Rat).Mul(x, big.NewRat(100, 1))
	s := p.FloatString(1)
	if v.Lang.Code == "de" {
		return groupedDE(s) + " %"
	}
	return s + "%"
}

func groupedDE(s string) string {
	out := []byte(s)
	for i := range out {
		if out[i] == '.' {
			out[i] = ','
		}
	}
	return string(out)
}

// progress is the unit's share in quarter qi relative to its share at
// α = 100 % (its goal): 1 means the target is reached; nil when not
// booked or without a goal.
func (u *Unit) progress(qi int) *big.Rat {
	if !u.Booked[qi] || u.Goal == nil || u.Goal.Sign() == 0 {
		return nil
	}
	return new(big.Rat).Quo(u.Shares[qi], u.Goal)
}

// causeLabel names a line of the waterfall.
func (v *View) causeLabel(key string) string {
	switch key {
	case "indicator_share":
		return v.w("alpha")
	case "corridor":
		return v.Lang.Word("corridor")
	case "rounding":
		return v.Lang.Word("rounding")
	}
	return v.Lang.Label(key, v.Report.Headings)
}

// monthName is "09/2026".
func monthName(year, m int) string {
	return time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Format("01/2006")
}

type monitorRow struct {
	name string
	r    monitor.Row
}

func rowsOf(m *monitor.Result) []monitorRow {
	var out []monitorRow
	for _, r := range m.Units {
		out = append(out, monitorRow{r.Unit, r})
	}
	return out
}

// Word is the report's word for key in the view's language.
func (v *View) Word(key string) string { return v.w(key) }

// Title is the report's title.
func (v *View) Title() string { return v.title() }

// CauseLabel names a line of an office's waterfall.
func (v *View) CauseLabel(key string) string { return v.causeLabel(key) }

// IstNote says where the Soll and the Ist come from.
func (v *View) IstNote() string { return v.istNote() }

// Verdict is ledger verify's verdict and its findings.
func (v *View) Verdict() (string, []string) { return v.verdict() }

// Progress is unit u's share over its target share in quarter qi; nil
// when not booked.
func (u *Unit) Progress(qi int) *big.Rat { return u.progress(qi) }
