package yearly

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown: the same sections and
// tables as the HTML, without the charts.
func (v *View) WriteMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n%s. %s: %s\n", v.title(), v.w("subtitle"), v.w("report_date"), v.Lang.Date(v.ReportDate))
	section := func(title string, t table) {
		fmt.Fprintf(b, "\n## %s\n\n", title)
		mdTable(b, t)
	}
	section(v.w("quarters"), v.quarterTable())
	section(v.w("units"), v.unitTable())
	section(v.w("chart_shares"), v.shareTable())
	fmt.Fprintf(b, "\n## Soll/Ist\n\n%s\n", v.istNote())
	if t, ok := v.monitorTable(); ok {
		b.WriteString("\n")
		mdTable(b, t)
	}
	fmt.Fprintf(b, "\n## %s\n", v.w("changes"))
	for i := range v.Report.Units {
		u := &v.Report.Units[i]
		fmt.Fprintf(b, "\n### %s\n\n", mdEscape(u.Name))
		if u.Change == nil {
			fmt.Fprintf(b, v.w("no_change")+"\n", u.ChangeNote)
			continue
		}
		mdTable(b, v.changeTable(u))
	}
	section(v.w("inputs"), v.inputTable())
	section(v.w("audit"), v.auditTable())
	verdict, problems := v.verdict()
	fmt.Fprintf(b, "\n%s\n", verdict)
	for _, p := range problems {
		fmt.Fprintf(b, "- %s\n", mdEscape(p))
	}
	return b.Flush()
}

func mdTable(w io.Writer, t table) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(escapeAll(t.head), " | "))
	seps := make([]string, len(t.head))
	for i := range seps {
		seps[i] = "---:"
	}
	seps[0] = "---"
	fmt.Fprintf(w, "| %s |\n", strings.Join(seps, " | "))
	for i, row := range t.rows {
		cells := escapeAll(row)
		if t.total && i == len(t.rows)-1 {
			for k, c := range cells {
				if c != "" {
					cells[k] = "**" + c + "**"
				}
			}
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
}

func escapeAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = mdEscape(c)
	}
	return out
}

// mdEscape keeps a cell inside its column: a pipe or a line break in a
// name or a reason would end it.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
