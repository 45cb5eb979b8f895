package report

import (
	"github.com/raumbudget/raumbudget/internal/msg"
	"math/big"
	"strings"
	"time"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/internal/vocab"
)

// Lang holds the words and number format of one output language.
type Lang struct {
	Code      string
	decimal   string
	thousands string
	percent   string // between the number and the percent sign
	date      string // layout of a date: 02.01.2006 or 2006-01-02
	words     map[string]string
}

// German is the default: headings as German controllers write them and
// numbers as German Excel shows them (1.234.567,89).
var German = &Lang{Code: "de", decimal: ",", thousands: ".", percent: " ", date: "02.01.2006", words: withHeadings(vocab.German, vocab.AllocationSheets[0], map[string]string{
	"sheet_summary":      "Übersicht",
	"sheet_trend":        "Verlauf",
	"sheet_indicators":   "Indikatoren",
	"sheet_comparison":   "Vergleich",
	"sheet_audit":        "Protokoll",
	"check":              "Prüfung",
	"check_failed":       "FEHLER",
	"errors":             "Fehler",
	"warnings":           "Warnungen",
	"error":              "Fehler",
	"warning":            "Warnung",
	"note":               "Hinweis",
	"rows":               "Zeilen",
	"residents":          "Einwohner",
	"report_date":        "Berichtsdatum",
	"report_title":       "Mittelverteilung Hilfen zur Erziehung",
	"page":               "Seite",
	"of":                 "von",
	"version":            "Programmversion",
	"command":            "Aufruf",
	"settings":           "Einstellungen",
	"inputs":             "Eingabedateien",
	"no_checksum":        "ohne Prüfsumme: keine gewöhnliche Datei (Pipe oder Gerät), nur einmal lesbar",
	"rules":              "Angewandte Regeln",
	"file":               "Datei",
	"exact_amount":       "Betrag exakt",
	"difference_amount":  "Betrag − exakt",
	"composite":          "Anteil Indikatoren (c)",
	"history_share_h":    "Anteil Mittelabfluss (h)",
	"target":             "Zielanteil (p)",
	"share_of":           "Anteil",
	"quarters":           "Quartale",
	"no_corridor":        "kein Korridor",
	"plan_total":         "Summe über den Plan",
	"scenario":           "Szenario",
	"difference":         "Differenz",
	"difference_percent": "Differenz %",
	"weight_of":          "Gewicht",
	"reference":          "Ausgangswert",
	"reference_share":    "Ausgangsanteil (p_prev)",
	"baseline":           "Basis",
	"baseline_settings":  "die Einstellungen der Szenariodatei",
	"sheet_scenarios":    "Szenarien",
	"changes":            "Änderungen gegenüber der Basis",
	"no_changes":         "keine",
	"lambda":             "λ (Korridor)",
	"crosses_up":         "liegt über dem Ausgangswert ab Gewicht",
	"crosses_down":       "liegt über dem Ausgangswert bis Gewicht",
	"no_crossing":        "kreuzt den Ausgangswert im Bereich nicht",
	"part":               "Teil",
	"value":              "Wert",
	"city_total":         "Stadt gesamt",
	"weight":             "Gewicht",
	"rounding":           "Rundung auf Cent",
	"exact":              "Exakter Betrag vor Korridor und Rundung",
	"cause":              "Ursache",
	"period":             "Quartal",
	"change":             "Veränderung",
	"change_percent":     "Veränderung %",
	"share":              "Anteil",
	"held":               "Korridor",
	"distance":           "Abstand zum Ziel",
	"floor":              "Untergrenze",
	"ceiling":            "Obergrenze",
	"floor_mark":         "▼",
	"ceiling_mark":       "▲",
	"legend":             "▼ vom Korridor an der Untergrenze gehalten, ▲ an der Obergrenze",
	"corridor":           "Korridor",
	"open":               "offen",
	"per_quarter":        "je Quartal",
	"transition_start":   "Übergang ab",
	"target_reached":     "Ziel 100 % Indikatoren erreicht",
	"not_reached":        "nicht innerhalb des Plans",
	"composite_share":    "Anteil Indikatoren",
	"history_share":      "Anteil Mittelabfluss",
	"target_share":       "Zielanteil",
	"amount":             "Betrag",
	"total":              "Summe",
	"budget":             "Budget",
	"indicator_share":    "Indikatoranteil α",
	"weights":            "Gewichte",
	"inverse":            "invers",
	"contribution":       "Beitrag",
})}

// English is chosen with --lang en.
var English = &Lang{Code: "en", decimal: ".", thousands: ",", percent: "", date: "2006-01-02", words: withHeadings(vocab.English, vocab.AllocationSheets[1], map[string]string{
	"sheet_summary":      "Summary",
	"sheet_trend":        "Progress",
	"sheet_indicators":   "Indicators",
	"sheet_comparison":   "Comparison",
	"sheet_audit":        "Audit",
	"check":              "Check",
	"check_failed":       "ERROR",
	"errors":             "Errors",
	"warnings":           "Warnings",
	"error":              "Error",
	"warning":            "Warning",
	"note":               "Note",
	"rows":               "Rows",
	"residents":          "Residents",
	"report_date":        "Report date",
	"report_title":       "Allocation of the budget for educational help",
	"page":               "Page",
	"of":                 "of",
	"version":            "Program version",
	"command":            "Command",
	"settings":           "Settings",
	"inputs":             "Input files",
	"no_checksum":        "no checksum: not a regular file (a pipe or device), readable once",
	"rules":              "Rules applied",
	"file":               "File",
	"exact_amount":       "Exact amount",
	"difference_amount":  "Amount − exact",
	"composite":          "Composite share (c)",
	"history_share_h":    "Spending share (h)",
	"target":             "Target share (p)",
	"share_of":           "Share",
	"quarters":           "Quarters",
	"no_corridor":        "no corridor",
	"plan_total":         "Sum over the plan",
	"scenario":           "Scenario",
	"difference":         "Difference",
	"difference_percent": "Difference %",
	"weight_of":          "Weight",
	"reference":          "Reference",
	"reference_share":    "reference share (p_prev)",
	"baseline":           "baseline",
	"baseline_settings":  "the settings of the scenario file",
	"sheet_scenarios":    "Scenarios",
	"changes":            "changes against the baseline",
	"no_changes":         "none",
	"lambda":             "λ (corridor)",
	"crosses_up":         "is above its reference from weight",
	"crosses_down":       "is above its reference up to weight",
	"no_crossing":        "does not cross its reference within the range",
	"part":               "Part",
	"value":              "Value",
	"city_total":         "City total",
	"weight":             "Weight",
	"rounding":           "Rounding to the cent",
	"exact":              "Exact amount before corridor and rounding",
	"cause":              "Cause",
	"period":             "Quarter",
	"change":             "Change",
	"change_percent":     "Change %",
	"share":              "Share",
	"held":               "Corridor",
	"distance":           "Distance to target",
	"floor":              "floor",
	"ceiling":            "ceiling",
	"floor_mark":         "▼",
	"ceiling_mark":       "▲",
	"legend":             "▼ held by the corridor at its floor, ▲ at its ceiling",
	"corridor":           "Corridor",
	"open":               "open",
	"per_quarter":        "a quarter",
	"transition_start":   "transition from",
	"target_reached":     "100 % indicator target reached",
	"not_reached":        "not within the plan",
	"composite_share":    "Composite share",
	"history_share":      "Spending share",
	"target_share":       "Target share",
	"amount":             "Amount",
	"total":              "Total",
	"budget":             "Budget",
	"indicator_share":    "Indicator share α",
	"weights":            "Weights",
	"inverse":            "inverse",
	"contribution":       "Contribution",
})}

// withHeadings adds to a language's words the headings of the columns
// (vocab) and the name of the allocation sheet.
func withHeadings(heading func(string) string, allocationSheet string, words map[string]string) map[string]string {
	for _, k := range append([]string{vocab.Unit, vocab.Spending}, vocab.Indicators...) {
		words[k] = heading(k)
	}
	words[vocab.History] = heading(vocab.Spending) // the history part of an amount is the spending's
	words["sheet_allocation"] = allocationSheet
	return words
}

// LangFor returns the language with the code de or en.
func LangFor(code string) (*Lang, error) {
	switch strings.ToLower(code) {
	case "de", "":
		return German, nil
	case "en":
		return English, nil
	}
	return nil, msg.Errorf("unknown language %q (use de or en)", code)
}

// Label names an indicator key (or "history"): the language's word for it,
// else its heading in the input, else the key.
func (l *Lang) Label(key string, headings map[string]string) string {
	if w := l.Word(key); w != key {
		return w
	}
	if h, ok := headings[key]; ok {
		return h
	}
	return key
}

// Word is the language's word for key, or key itself.
func (l *Lang) Word(key string) string {
	if w, ok := l.words[key]; ok {
		return w
	}
	return key
}

// Messages is the language of the messages (errors, warnings, notes) that
// go with this output language.
func (l *Lang) Messages() msg.Lang {
	lang, _ := msg.Parse(l.Code)
	return lang
}

// Date writes a day as the language does: 02.12.2026 in German,
// 2026-12-02 (ISO) in English.
func (l *Lang) Date(t time.Time) string {
	return t.Format(l.date)
}

// Euros formats cents with thousands separators: 1.234.567,89.
func (l *Lang) Euros(c allocate.Cents) string {
	return l.grouped(c.String())
}

// Share formats a parameter such as α or a weight as a percentage without
// trailing zeros: 60 %, 12,5 %, 33,3333 %.
func (l *Lang) Share(x *big.Rat) string {
	p := new(big.Rat).Mul(x, big.NewRat(100, 1)).FloatString(4)
	p = strings.TrimRight(strings.TrimRight(p, "0"), ".")
	return l.grouped(p) + l.percent + "%"
}

// PlainEuros formats cents without thousands separators: 1234567,89.
func (l *Lang) PlainEuros(c allocate.Cents) string {
	return strings.Replace(c.String(), ".", l.decimal, 1)
}

// Percent formats a share as a percentage with two decimals: 12,34 %.
func (l *Lang) Percent(share *big.Rat) string {
	p := new(big.Rat).Mul(share, big.NewRat(100, 1))
	return l.grouped(p.FloatString(2)) + l.percent + "%"
}

// Decimal formats x with the given places and the language's decimal
// separator but no thousands separators, as spreadsheets read it best.
func (l *Lang) Decimal(x *big.Rat, places int) string {
	return strings.Replace(x.FloatString(places), ".", l.decimal, 1)
}

// grouped turns "-1234567.89" into "-1.234.567,89" (German) or
// "-1,234,567.89" (English).
func (l *Lang) grouped(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(l.thousands)
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteString(l.decimal + frac)
	}
	return sign + b.String()
}
