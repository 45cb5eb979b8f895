package report

import (
	"io"
	"strings"
)

// sharePlaces is how many decimals CSV gives shares: enough to recompute
// every amount of a budget in the billions to the cent.
const sharePlaces = 12

// writeCSV writes one row per unit and no total row, so scripts can read
// it as it is. German CSV is what German Excel opens with a double click:
// UTF-8 with byte order mark, ';' between fields, decimal comma, CRLF.
// English CSV is plain: ',' and decimal point, keys as headings.
func (a *Allocation) writeCSV(w io.Writer, lang *Lang) error {
	cw, err := newCSVWriter(w, lang)
	if err != nil {
		return err
	}
	_ = cw.Write(a.csvHeader(lang))
	for _, row := range a.rows {
		record := []string{SafeText(row.unit),
			lang.Decimal(row.shares.Composite, sharePlaces), lang.Decimal(row.shares.History, sharePlaces),
			lang.Decimal(row.shares.Target, sharePlaces), lang.PlainEuros(row.amount)}
		for _, c := range row.contributions {
			record = append(record, lang.PlainEuros(c))
		}
		_ = cw.Write(record)
	}
	cw.Flush()
	return cw.Error()
}

func (a *Allocation) csvHeader(lang *Lang) []string {
	columns := csvHeader(lang, []string{"unit", "composite_share", "history_share", "target_share", "amount"})
	if lang == English {
		for _, key := range a.contributionKeys() {
			columns = append(columns, "contribution_"+key)
		}
		return columns
	}
	for _, key := range a.contributionKeys() {
		columns = append(columns, lang.Word("contribution")+" "+a.label(lang, key))
	}
	return columns
}

// SafeText keeps text taken from the input from being read as a formula
// by a spreadsheet: a leading =, +, -, @, tab or carriage return gets a
// leading apostrophe.
func SafeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
