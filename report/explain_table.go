package report

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
)

func (e *Explanation) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	if _, err := fmt.Fprintf(w, "%s\n\n", textLine(markdown, e.caption(lang))); err != nil {
		return err
	}
	wf := e.waterfall()
	header := []string{lang.Word("part"), lang.Word("value"), lang.Word("city_total"), lang.Word("share"), lang.Word("weight"), lang.Word("amount") + " €"}
	var rows [][]string
	for i, p := range e.Parts {
		rows = append(rows, []string{e.partLabel(lang, p), lang.Number(p.Value), lang.Number(p.Total),
			lang.Percent(p.Share), lang.Share(p.Weight), lang.Euros(wf.parts[i])})
	}
	rows = append(rows, e.line(lang, "corridor", wf.corridor), e.line(lang, "rounding", wf.rounding))
	footer := []string{lang.Word("amount"), "", "", "", "", lang.Euros(e.Amount)}
	if err := renderTable(w, markdown, header, rows, footer); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "\n%s: %s €\n", lang.Word("exact"), lang.Exact(e.Exact)); err != nil || e.Change == nil {
		return err
	}
	return e.writeChange(w, lang, markdown)
}

func (e *Explanation) caption(lang *Lang) string {
	parts := []string{e.Unit}
	if e.Period != "" {
		parts = append(parts, e.Period)
	}
	parts = append(parts, lang.Word("budget")+" "+lang.Euros(e.Budget)+" €",
		lang.Word("indicator_share")+" "+lang.Share(e.IndicatorShare))
	if e.Held != allocate.NotHeld {
		parts = append(parts, lang.Word("held")+": "+lang.Word(e.Held.String()))
	}
	return strings.Join(parts, " · ")
}

func (e *Explanation) partLabel(lang *Lang, p allocate.Part) string {
	a := Allocation{Headings: e.Headings}
	label := a.label(lang, p.Key)
	if p.Inverse {
		label += " (" + lang.Word("inverse") + ")"
	}
	return label
}

func (e *Explanation) line(lang *Lang, key string, c allocate.Cents) []string {
	return []string{lang.Word(key), "", "", "", "", lang.SignedEuros(c)}
}

func (e *Explanation) writeChange(w io.Writer, lang *Lang, markdown bool) error {
	c := e.Change
	title := fmt.Sprintf("%s %s: %s € → %s € (%s €)", lang.Word("change"), c.Against, lang.Euros(c.OldAmount),
		lang.Euros(e.Amount), lang.SignedEuros(e.Amount-c.OldAmount))
	if _, err := fmt.Fprintf(w, "\n%s\n\n", textLine(markdown, title)); err != nil {
		return err
	}
	keys, cents := c.lines(e.Amount)
	rows := make([][]string, len(keys))
	a := Allocation{Headings: e.Headings}
	for i, key := range keys {
		rows[i] = []string{a.label(lang, key), lang.SignedEuros(cents[i])}
	}
	footer := []string{lang.Word("change"), lang.SignedEuros(e.Amount - c.OldAmount)}
	return renderTable(w, markdown, []string{lang.Word("cause"), lang.Word("amount") + " €"}, rows, footer)
}

// exactPlaces is how many decimals of a cent amount the explanation shows
// of the unrounded amount.
const exactPlaces = 4

// Exact formats an exact amount in cents as euros with four decimals.
func (l *Lang) Exact(cents *big.Rat) string {
	return l.grouped(new(big.Rat).Quo(cents, big.NewRat(100, 1)).FloatString(exactPlaces))
}

// SignedEuros formats cents with a sign: +1.234,50 or −0,01.
func (l *Lang) SignedEuros(c allocate.Cents) string {
	if c < 0 {
		return "−" + l.Euros(-c)
	}
	return "+" + l.Euros(c)
}

// Number formats an input value with grouping and at most four decimals.
func (l *Lang) Number(x *big.Rat) string {
	s := strings.TrimSuffix(strings.TrimRight(x.FloatString(4), "0"), ".")
	return l.grouped(s)
}
