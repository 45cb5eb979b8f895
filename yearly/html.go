package yearly

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
)

// css prints the report on A4: each section starts a page, a table's
// head repeats on every page it runs over (so the office names do), and
// a chart with its table or an office's waterfall is not split.
const css = `@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #000; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt 0; }
h2 { font-size: 13pt; margin: 0 0 6pt 0; border-bottom: 1.5pt solid #000; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt 0; }
section { break-before: page; page-break-before: always; }
section.first { break-before: auto; page-break-before: auto; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 2pt 3pt; text-align: right; vertical-align: top; font-size: 8pt; white-space: nowrap; }
th { background: #e8e8e8; }
th:first-child, td:first-child { text-align: left; }
th { white-space: normal; }
tr.total td { font-weight: bold; border-top: 1.5pt solid #000; }
td.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 6.5pt; word-break: break-all; white-space: normal; text-align: left; }
td.text { text-align: left; white-space: normal; }
.figure { break-inside: avoid; page-break-inside: avoid; }
.chart { width: 100%; height: auto; }
.pair { display: flex; gap: 8pt; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; margin-bottom: 6pt; }
.pair > .chartbox { flex: 3; }
.pair > table { flex: 2; width: auto; }
ul.legend { list-style: none; padding: 0; margin: 2pt 0 4pt 0; display: flex; flex-wrap: wrap; gap: 2pt 10pt; }
ul.legend li { white-space: nowrap; }
p.note { margin: 2pt 0 6pt 0; }
.verdict { font-weight: bold; }
`

// WriteHTML writes the report as one self-contained HTML file: inline
// CSS and SVG charts, no script, nothing fetched from anywhere. Its bytes
// depend only on the report and the report date.
func (v *View) WriteHTML(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n", v.Lang.Code, esc(v.title()))
	fmt.Fprintf(b, "<meta name=\"generator\" content=\"raumbudget %s\">\n<style>\n%s</style>\n</head>\n<body>\n", esc(v.Version), css)
	v.htmlOverview(b)
	v.htmlBudget(b)
	v.htmlShares(b)
	v.htmlSollIst(b)
	v.htmlChanges(b)
	v.htmlAudit(b)
	b.WriteString("</body>\n</html>\n")
	return b.Flush()
}

func (v *View) htmlOverview(b *bufio.Writer) {
	fmt.Fprintf(b, "<section class=\"first\">\n<h1>%s</h1>\n<p>%s. %s: %s</p>\n", esc(v.title()), esc(v.w("subtitle")),
		esc(v.w("report_date")), v.Lang.Date(v.ReportDate))
	fmt.Fprintf(b, "<h2>%s</h2>\n", esc(v.w("quarters")))
	htmlTable(b, v.quarterTable(), "quarters")
	fmt.Fprintf(b, "<h2>%s</h2>\n", esc(v.w("units")))
	htmlTable(b, v.unitTable(), "units")
	b.WriteString("</section>\n")
}

// htmlBudget is the stacked columns of each office's amount by quarter.
func (v *View) htmlBudget(b *bufio.Writer) {
	cats, names, values := v.byQuarter(func(u *Unit, qi int) float64 { return float64(u.Amounts[qi]) / 100 })
	fmt.Fprintf(b, "<section>\n<h2>%s</h2>\n<div class=\"figure\">\n", esc(v.w("chart_budget")))
	b.WriteString(stackedColumns("budget", v.w("chart_budget"), v.w("quarter"), v.w("amount")+" (€)", cats, names, values, v.axisEuros))
	b.WriteString("</div>\n")
	htmlTable(b, v.unitTable(), "budget-table")
	b.WriteString("</section>\n")
}

// htmlShares is each office's share over its target share by quarter:
// the lines move towards 100 % as α moves towards 100 %.
func (v *View) htmlShares(b *bufio.Writer) {
	cats, names, values := v.byQuarter(func(u *Unit, qi int) float64 {
		if x := u.progress(qi); x != nil {
			p, _ := x.Float64()
			return p * 100
		}
		return math.NaN()
	})
	fmt.Fprintf(b, "<section>\n<h2>%s</h2>\n<div class=\"figure\">\n", esc(v.w("chart_shares")))
	b.WriteString(lineChart("shares", v.w("chart_shares"), v.w("quarter"), v.w("share_target")+" (%)", cats, names, values, 100, v.axisPercent))
	b.WriteString("</div>\n")
	htmlTable(b, v.shareTable(), "shares-table")
	b.WriteString("</section>\n")
}

// byQuarter is a chart's series: the quarters as categories, an office a
// series, value(u, qi) its point in quarter qi.
func (v *View) byQuarter(value func(u *Unit, qi int) float64) (cats, names []string, values [][]float64) {
	r := v.Report
	for _, q := range r.Quarters {
		cats = append(cats, q.Period.String())
	}
	values = make([][]float64, len(r.Units))
	for i := range r.Units {
		u := &r.Units[i]
		names = append(names, u.Name)
		for qi := range r.Quarters {
			values[i] = append(values[i], value(u, qi))
		}
	}
	return cats, names, values
}

// htmlSollIst is the Soll/Ist table and the cumulative lines, or the note
// that there is no Ist.
func (v *View) htmlSollIst(b *bufio.Writer) {
	fmt.Fprintf(b, "<section>\n<h2>Soll/Ist</h2>\n<p class=\"note\">%s</p>\n", esc(v.istNote()))
	if t, ok := v.monitorTable(); ok {
		htmlTable(b, t, "monitor")
		m := v.Report.Monitor
		var cats []string
		values := make([][]float64, 3)
		for k := 0; k < 12; k++ {
			cats = append(cats, fmt.Sprintf("%02d", k+1))
			values[0] = append(values[0], float64(m.Total.SollCum[k])/100)
			ist, proj := math.NaN(), math.NaN()
			if k < m.AsOf {
				ist = float64(m.Total.IstCum[k]) / 100
			}
			if k >= m.AsOf-1 {
				proj = float64(m.Total.ProjCum[k]) / 100
			}
			values[1], values[2] = append(values[1], ist), append(values[2], proj)
		}
		names := []string{v.w("soll"), v.w("ist"), v.w("projection")}
		b.WriteString("<div class=\"figure\">\n")
		b.WriteString(lineChart("sollist", v.w("chart_soll"), v.w("month")+" "+fmt.Sprint(m.Year), v.w("amount")+" (€)", cats, names, values, math.NaN(), v.axisEuros))
		b.WriteString("</div>\n")
		htmlTable(b, v.sollIstTable(), "sollist-table")
	}
	b.WriteString("</section>\n")
}

// htmlChanges is each office's waterfall with its table beside it.
func (v *View) htmlChanges(b *bufio.Writer) {
	fmt.Fprintf(b, "<section>\n<h2>%s</h2>\n", esc(v.w("changes")))
	for i := range v.Report.Units {
		u := &v.Report.Units[i]
		fmt.Fprintf(b, "<div class=\"figure\">\n<h3>%s</h3>\n", esc(u.Name))
		if u.Change == nil {
			fmt.Fprintf(b, "<p class=\"note\">%s</p>\n</div>\n", esc(fmt.Sprintf(v.w("no_change"), u.ChangeNote)))
			continue
		}
		keys, cents := u.Lines()
		labels := []string{u.Change.Against}
		steps := make([]float64, len(keys))
		for k, key := range keys {
			labels = append(labels, v.causeLabel(key))
			steps[k] = float64(cents[k]) / 100
		}
		labels = append(labels, v.lastPeriod())
		b.WriteString("<div class=\"pair\"><div class=\"chartbox\">")
		b.WriteString(waterfallChart(fmt.Sprintf("wf%d", i), u.Name+": "+u.Change.Against+" → "+v.lastPeriod(), v.w("amount")+" (€)",
			labels, float64(u.Change.OldAmount)/100, steps, float64(u.LastAmount())/100, v.axisEuros))
		b.WriteString("</div>\n")
		htmlTable(b, v.changeTable(u), fmt.Sprintf("change-%d", i))
		b.WriteString("</div>\n</div>\n")
	}
	b.WriteString("</section>\n")
}

func (v *View) htmlAudit(b *bufio.Writer) {
	fmt.Fprintf(b, "<section>\n<h2>%s</h2>\n", esc(v.w("inputs")))
	htmlTable(b, v.inputTable(), "inputs")
	fmt.Fprintf(b, "<h2>%s</h2>\n", esc(v.w("audit")))
	htmlTable(b, v.auditTable(), "audit")
	verdict, problems := v.verdict()
	fmt.Fprintf(b, "<p class=\"verdict\" id=\"verdict\">%s</p>\n", esc(verdict))
	if len(problems) > 0 {
		b.WriteString("<ul>\n")
		for _, p := range problems {
			fmt.Fprintf(b, "<li>%s</li>\n", esc(p))
		}
		b.WriteString("</ul>\n")
	}
	fmt.Fprintf(b, "<p class=\"note\">%s %s</p>\n</section>\n", esc(v.w("version")), esc(v.Version))
}

// htmlTable writes a table whose head repeats on every printed page.
func htmlTable(b *bufio.Writer, t table, id string) {
	fmt.Fprintf(b, "<table id=\"%s\">\n<thead><tr>", id)
	for _, h := range t.head {
		fmt.Fprintf(b, "<th>%s</th>", esc(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for i, row := range t.rows {
		if t.total && i == len(t.rows)-1 {
			b.WriteString("<tr class=\"total\">")
		} else {
			b.WriteString("<tr>")
		}
		for k, cell := range row {
			class := ""
			switch {
			case len(cell) == 64 && isHex(cell):
				class = ` class="hash"`
			case k > 0 && !looksNumeric(cell):
				class = ` class="text"`
			}
			fmt.Fprintf(b, "<td%s>%s</td>", class, esc(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

func isHex(s string) bool {
	return strings.Trim(s, "0123456789abcdef") == ""
}

func looksNumeric(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.,+-−€% ▼▲–") == ""
}

// axisEuros labels the euro axis in whole euros: "1.500.000 €".
func (v *View) axisEuros(x float64) string {
	c := allocate.Cents(math.Round(x) * 100)
	s := v.Lang.Euros(c)
	return strings.TrimSuffix(strings.TrimSuffix(s, ",00"), ".00") + " €"
}

// axisPercent labels a percent axis: "95 %".
func (v *View) axisPercent(x float64) string {
	s := fmt.Sprintf("%g", math.Round(x*10)/10)
	if v.Lang.Code == "de" {
		return strings.Replace(s, ".", ",", 1) + " %"
	}
	return s + "%"
}
