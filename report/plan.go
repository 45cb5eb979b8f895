package report

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// Plan presents a transition plan.
type Plan struct {
	Result   *scenario.Result
	Corridor *allocate.Corridor // nil: none
	// Headings names indicators the languages have no word for.
	Headings map[string]string
	// TransitionStart is the quarter the schedule counts from.
	TransitionStart scenario.Period
}

// Write renders the plan as a table, Markdown, CSV or JSON.
func (p *Plan) Write(w io.Writer, format string, lang *Lang) error {
	return write(p, w, format, lang)
}

// writeTable shows units as rows and quarters as columns, a total row,
// then when the 100 % target is reached.
func (p *Plan) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	if _, err := fmt.Fprintf(w, "%s\n\n", textLine(markdown, p.caption(lang))); err != nil {
		return err
	}
	quarters := p.Result.Quarters
	header := []string{lang.Word("unit")}
	alphas := []string{lang.Word("indicator_share")}
	footer := []string{lang.Word("total")}
	for _, q := range quarters {
		header = append(header, q.Period.String())
		alphas = append(alphas, lang.Share(q.IndicatorShare))
		footer = append(footer, lang.Euros(q.Budget))
	}
	rows := [][]string{alphas}
	for u, unit := range quarters[0].Units {
		row := []string{unit.Name}
		for _, q := range quarters {
			row = append(row, lang.Euros(q.Units[u].Amount)+heldMark(lang, q.Units[u].Held, p.Corridor != nil))
		}
		rows = append(rows, row)
	}
	if err := renderTable(w, markdown, header, rows, footer); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", textLine(markdown, p.notes(lang)))
	return err
}

// heldMark marks an amount the corridor held; with a corridor every amount
// gets a mark or a space, so the columns stay aligned.
func heldMark(lang *Lang, h allocate.Held, corridor bool) string {
	switch {
	case h == allocate.Floor:
		return " " + lang.Word("floor_mark")
	case h == allocate.Ceiling:
		return " " + lang.Word("ceiling_mark")
	case corridor:
		return "  "
	}
	return ""
}

func (p *Plan) caption(lang *Lang) string {
	first := p.Result.Quarters[0].Result
	a := Allocation{Result: first, Headings: p.Headings}
	weights := strings.SplitN(a.caption(lang), "   ", 3)[2] // the weights part
	text := weights
	if p.TransitionStart != (scenario.Period{}) {
		text += "   " + lang.Word("transition_start") + ": " + p.TransitionStart.String()
	}
	if p.Corridor != nil {
		text += "   " + lang.Word("corridor") + ": " + p.corridorText(lang)
	}
	return text
}

func (p *Plan) corridorText(lang *Lang) string {
	side := func(x *big.Rat, sign string) string {
		if x == nil {
			return sign + " " + lang.Word("open")
		}
		return sign + lang.Share(x)
	}
	return side(p.Corridor.MaxDecrease, "−") + " / " + side(p.Corridor.MaxIncrease, "+") + " " + lang.Word("per_quarter")
}

// notes say when the target is reached and explain the marks.
func (p *Plan) notes(lang *Lang) string {
	reached := lang.Word("not_reached")
	if r := p.Result.TargetReached; r != nil {
		reached = r.String()
	}
	text := lang.Word("target_reached") + ": " + reached
	if p.Corridor != nil {
		text += "\n" + lang.Word("legend")
	}
	return text
}
