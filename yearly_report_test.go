package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/raumbudget/raumbudget/internal/calc"
	"github.com/raumbudget/raumbudget/internal/chrome"
)

// yearlyOut is the JSON of report YEAR (README, "The yearly report for
// the committee").
type yearlyOut struct {
	Year     int `json:"year"`
	Quarters []struct {
		Period         string  `json:"period"`
		IndicatorShare float64 `json:"indicator_share"`
		Budget         string  `json:"budget"`
	} `json:"quarters"`
	Units []struct {
		Unit        string             `json:"unit"`
		Quarters    map[string]*string `json:"quarters"`
		Total       string             `json:"total"`
		TotalBefore *string            `json:"total_before"`
		Change      *string            `json:"change"`
		Soll        *string            `json:"soll"`
		Ist         *string            `json:"ist"`
		Projection  *string            `json:"projection"`
		Deviation   *string            `json:"deviation"`
		Status      *string            `json:"status"`
	} `json:"units"`
	Total    string            `json:"total"`
	Bookings []json.RawMessage `json:"bookings"`
	Verified bool              `json:"verified"`
}

// bookedYear books the quarters of the demo data with the Essen corridor
// into a new ledger and returns the config that names it.
func bookedYear(t *testing.T, quarters ...string) string {
	t.Helper()
	dir := t.TempDir()
	config := filepath.Join(dir, "raumbudget.yaml")
	if err := os.WriteFile(config, []byte("demo: true\nannual-budget: 48000000\nmax-decrease: 5%\nmax-increase: 5%\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, q := range quarters {
		raumbudget(t, "book", q, "--config", config, "--by", "controller", "--reason", "Beschluss JHA "+q)
	}
	return config
}

func yearlyJSON(t *testing.T, args ...string) yearlyOut {
	t.Helper()
	var out yearlyOut
	if err := json.Unmarshal(raumbudget(t, append(args, "-o", "json")...), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// germanEuros formats JSON money as the report prints it: 1.234.567,89.
func germanEuros(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return sign + b.String() + "," + frac
}

// The figures: each office's quarters add up to its year total, the
// totals to the report's total and each quarter's budget; four bookings,
// verified; no Ist, so the Soll/Ist figures are null.
func TestYearlyReportFigures(t *testing.T) {
	config := bookedYear(t, "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
	out := yearlyJSON(t, "report", "2026", "--config", config)
	if out.Year != 2026 || len(out.Quarters) != 4 || len(out.Bookings) != 4 || !out.Verified {
		t.Fatalf("year %d, %d quarters, %d bookings, verified %v", out.Year, len(out.Quarters), len(out.Bookings), out.Verified)
	}
	if out.Quarters[0].IndicatorShare != 0.6 || out.Quarters[3].IndicatorShare != 0.9 {
		t.Errorf("α %v … %v, want 0.6 … 0.9 (the Essen schedule)", out.Quarters[0].IndicatorShare, out.Quarters[3].IndicatorShare)
	}
	byQuarter := map[string]int64{}
	var total int64
	for _, u := range out.Units {
		var sum int64
		for p, a := range u.Quarters {
			sum += jsonCents(t, *a)
			byQuarter[p] += jsonCents(t, *a)
		}
		if sum != jsonCents(t, u.Total) {
			t.Errorf("%s: quarters add up to %d cents, total %s", u.Unit, sum, u.Total)
		}
		if u.TotalBefore != nil || u.Change != nil || u.Soll != nil || u.Status != nil {
			t.Errorf("%s: figures without a year before or Ist are not null: %+v", u.Unit, u)
		}
		total += sum
	}
	if total != jsonCents(t, out.Total) || total != 48_000_000_00 {
		t.Errorf("total %s, units add up to %d cents", out.Total, total)
	}
	for _, q := range out.Quarters {
		if byQuarter[q.Period] != jsonCents(t, q.Budget) {
			t.Errorf("%s: amounts add up to %d cents, budget %s", q.Period, byQuarter[q.Period], q.Budget)
		}
	}
}

// The year before: booked 2025-Q4, the 2026 report gives each office's
// 2025 total and the change.
func TestYearlyReportYearBefore(t *testing.T) {
	config := bookedYear(t, "2025-Q4", "2026-Q1")
	before := yearlyJSON(t, "report", "2025", "--config", config)
	out := yearlyJSON(t, "report", "2026", "--config", config)
	for i, u := range out.Units {
		if u.TotalBefore == nil || *u.TotalBefore != before.Units[i].Total {
			t.Fatalf("%s: total_before %v, the 2025 report says %s", u.Unit, u.TotalBefore, before.Units[i].Total)
		}
		if got, want := jsonCents(t, *u.Change), jsonCents(t, u.Total)-jsonCents(t, *u.TotalBefore); got != want {
			t.Errorf("%s: change %s, want %d cents", u.Unit, *u.Change, want)
		}
	}
}

// The change from the first to the last booked quarter is split as
// explain --period splits the change from the quarter before: with two
// booked quarters both say the same for every office.
func TestYearlyReportChangeAsExplain(t *testing.T) {
	config := bookedYear(t, "2026-Q1", "2026-Q2")
	md := string(raumbudget(t, "report", "2026", "--config", config, "-o", "md"))
	out := yearlyJSON(t, "report", "2026", "--config", config)
	words := map[string]string{"budget": "Budget", "indicator_share": "Indikatoranteil α", "corridor": "Korridor", "rounding": "Rundung auf Cent"}
	for _, u := range out.Units {
		var e struct {
			Change struct {
				Parts []struct{ Key, Amount string }
			}
		}
		data := raumbudget(t, "explain", "--unit", u.Unit, "--config", config, "--start", "2026-Q1", "--period", "2026-Q2", "-o", "json")
		if err := json.Unmarshal(data, &e); err != nil {
			t.Fatal(err)
		}
		section := md[strings.Index(md, "### "+u.Unit+"\n"):]
		if end := strings.Index(section[4:], "\n#"); end >= 0 {
			section = section[:end+4]
		}
		for _, p := range e.Change.Parts {
			amount := germanEuros(p.Amount) + " €"
			if !strings.HasPrefix(amount, "-") && amount != "0,00 €" {
				amount = "+" + amount
			}
			if line := "| " + words[p.Key] + " | " + amount + " |"; !strings.Contains(section, line) {
				t.Errorf("%s: explain says %s %s; the report's lines:\n%s", u.Unit, p.Key, p.Amount, section)
			}
		}
	}
}

// istOf writes a realistic year of payments for the plan of the booked
// year and returns the plan's path and the flags that give the Ist.
func istOf(t *testing.T, config string) (string, []string) {
	t.Helper()
	dir := filepath.Dir(config)
	planPath := filepath.Join(dir, "plan.json")
	raumbudget(t, "plan", "--config", config, "--start", "2026-Q1", "--quarters", "4", "-o", "json", "--out", planPath)
	soll, units := readPlanSoll(t, planPath)
	pays, _ := generate(t, soll, units)
	plain, _, _ := writeForms(t, dir, pays)
	return planPath, []string{"--ist", plain[0], "--ist", plain[1], "--as-of", "2026-05"}
}

// With Ist files the report's Soll/Ist figures are monitor's for the
// same plan and Ist.
func TestYearlyReportSollIst(t *testing.T) {
	config := bookedYear(t, "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
	planPath, ist := istOf(t, config)
	out := yearlyJSON(t, append([]string{"report", "2026", "--config", config}, ist...)...)
	var mon monitorOut
	if err := json.Unmarshal(raumbudget(t, append([]string{"monitor", "2026", "--soll", planPath, "-o", "json"}, ist...)...), &mon); err != nil {
		t.Fatal(err)
	}
	for i, u := range out.Units {
		m := mon.Units[i]
		if u.Soll == nil || *u.Soll != m.SollYear || *u.Ist != m.IstToDate || *u.Projection != m.Projection || *u.Deviation != m.Deviation || *u.Status != m.Status {
			t.Errorf("%s: report soll %v ist %v projection %v deviation %v status %v; monitor %+v", u.Unit, u.Soll, u.Ist, u.Projection, u.Deviation, u.Status, m)
		}
	}
}

// The HTML opened in headless Chromium: no console message of level
// error, no network request, and the rendered text holds each office's
// year total in German format as in the JSON.
func TestYearlyReportInChromium(t *testing.T) {
	chrome.Require(t)
	config := bookedYear(t, "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
	out := yearlyJSON(t, "report", "2026", "--config", config)
	html := raumbudget(t, "report", "2026", "--config", config, "-o", "html", "--report-date", "2026-12-31")
	if again := raumbudget(t, "report", "2026", "--config", config, "-o", "html", "--report-date", "2026-12-31"); !bytes.Equal(html, again) {
		t.Error("the same report date gives other HTML bytes")
	}
	if bytes.Contains(html, []byte("<script")) || bytes.Contains(html, []byte("http://")) && !bytes.Contains(html, []byte(`xmlns="http://www.w3.org/2000/svg"`)) {
		t.Error("the HTML has a script or an address to fetch")
	}
	text, requests, problems := renderHTML(t, html)
	if len(requests) > 0 {
		t.Errorf("the page made network requests: %v", requests)
	}
	if len(problems) > 0 {
		t.Errorf("console errors: %v", problems)
	}
	for _, u := range out.Units {
		if want := germanEuros(u.Total) + " €"; !strings.Contains(text, want) {
			t.Errorf("%s: the rendered page does not show the year total %s", u.Unit, want)
		}
	}
	if want := germanEuros(out.Total) + " €"; !strings.Contains(text, want) {
		t.Errorf("the rendered page does not show the total %s", want)
	}
}

// renderHTML loads html in headless Chromium and returns the page's
// rendered text, every network request and every console error.
func renderHTML(t *testing.T, html []byte) (string, []string, []string) {
	t.Helper()
	browser, cancel, err := chrome.Browser(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	var mu sync.Mutex
	var requests, problems []string
	err = chromedp.Listen(browser, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				problems = append(problems, string(e.Type))
			}
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				problems = append(problems, e.Entry.Text)
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, e.ExceptionDetails.Text)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(browser, 2*time.Minute)
	defer cancelTimeout()
	enable := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, log.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, runtime.Enable, cdp.Empty{})
		return err
	})
	if err := chromedp.Do(ctx, enable); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chrome.Load(html)); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body.innerText"))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	return text, requests, problems
}

// The PDF: at most 12 A4 pages for four booked quarters of the demo data
// with Soll/Ist (every section and chart), and its text holds every
// office's year total and its Soll in German format.
func TestYearlyReportPDF(t *testing.T) {
	chrome.Require(t)
	calc.RequirePDF(t)
	config := bookedYear(t, "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
	_, ist := istOf(t, config)
	args := append([]string{"report", "2026", "--config", config}, ist...)
	out := yearlyJSON(t, args...)
	path := filepath.Join(t.TempDir(), "jahresbericht.pdf")
	raumbudget(t, append(args, "--out", path)...)
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfField(t, string(info), "Pages")
	size := pdfField(t, string(info), "Page size")
	if n, _ := strconv.Atoi(pages); n < 1 || n > 12 {
		t.Errorf("%s pages, want 1 to 12", pages)
	}
	if !strings.Contains(size, "(A4)") {
		t.Errorf("page size %s, want A4", size)
	}
	text, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range out.Units {
		if want := germanEuros(u.Total) + " €"; !bytes.Contains(text, []byte(want)) {
			t.Errorf("%s: the PDF's text does not hold the year total %s", u.Unit, want)
		}
		if want := germanEuros(*u.Projection) + " €"; !bytes.Contains(text, []byte(want)) {
			t.Errorf("%s: the PDF's text does not hold the projection %s", u.Unit, want)
		}
	}
	if !bytes.Contains(text, []byte("Soll und Ist kumuliert")) {
		t.Error("the PDF has no Soll/Ist chart")
	}
}

func pdfField(t *testing.T, info, name string) string {
	t.Helper()
	for _, line := range strings.Split(info, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && k == name {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("pdfinfo has no %s:\n%s", name, info)
	return ""
}

// The workbook opened in LibreOffice: no error cells; each office's
// quarters, its year total (a formula) and the total equal the JSON.
func TestYearlyReportInLibreOffice(t *testing.T) {
	config := bookedYear(t, "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
	out := yearlyJSON(t, "report", "2026", "--config", config)
	sheets := spreadsheet(t, "report", "2026", "--config", config)
	table := sheets["Quartale"]
	for _, u := range out.Units {
		row := rowOf(t, table, u.Unit)
		for i, q := range out.Quarters {
			if cents(t, row[1+i]) != jsonCents(t, *u.Quarters[q.Period]) {
				t.Errorf("%s %s: %s in the workbook, %s in JSON", u.Unit, q.Period, row[1+i], *u.Quarters[q.Period])
			}
		}
		if cents(t, row[5]) != jsonCents(t, u.Total) {
			t.Errorf("%s: year total %s in the workbook, %s in JSON", u.Unit, row[5], u.Total)
		}
		changes := rowOf(t, sheets["Veränderung"], u.Unit)
		if last := changes[len(changes)-1]; cents(t, last) != jsonCents(t, *u.Quarters["2026-Q4"]) {
			t.Errorf("%s: the change's lines add up to %s, the 2026-Q4 amount is %s", u.Unit, last, *u.Quarters["2026-Q4"])
		}
	}
	if total := rowOf(t, table, "Summe"); cents(t, total[5]) != jsonCents(t, out.Total) {
		t.Errorf("total %s in the workbook, %s in JSON", total[5], out.Total)
	}
	if _, ok := sheets["Buchungen"]; !ok {
		t.Errorf("no sheet Buchungen: %v", fmt.Sprint(len(sheets)))
	}
}

// The listener of renderHTML sees what it must catch: a page that
// fetches an image and logs an error.
func TestRenderHTMLSeesRequestsAndErrors(t *testing.T) {
	chrome.Require(t)
	page := []byte(`<!DOCTYPE html><html><body><p>x</p><img src="http://127.0.0.1:9/missing.png"><script>console.error("boom")</script></body></html>`)
	_, requests, problems := renderHTML(t, page)
	if len(requests) == 0 {
		t.Error("the image request was not seen")
	}
	if len(problems) == 0 {
		t.Error("the console error was not seen")
	}
}
