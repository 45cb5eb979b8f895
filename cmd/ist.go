package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/report"
)

func newIstCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "ist",
		Short: "Store actual spending (Ist) in the ledger and list what is stored",
		Long: `import reads Ist tables as monitor does and stores each in the ledger: the file
with its name, SHA-256 and content, and its sums per district office and month.
A later import of a month replaces the earlier figures of that month as a new
revision; the earlier import stays and list shows it. monitor without --ist
takes the Ist from the ledger.`,
	}
	c.AddCommand(newIstImportCmd(), newIstListCmd())
	return c
}

func newIstImportCmd() *cobra.Command {
	c := ledgerSub("import FILE...", "Store Ist tables in the ledger", cobra.MinimumNArgs(1), nil, istImportRun)
	c.Flags().String("by", "", "who imports (default: the login name)")
	addMessageLangFlag(c)
	return c
}

// istImportRun reads every file first, so that a bad one stores nothing,
// then stores each as one import.
func istImportRun(c *cobra.Command, s *settings, files []string) error {
	centres, err := readCostCenters(s)
	if err != nil {
		return err
	}
	settingsJSON, _ := json.Marshal(map[string]any{"cost-centers": centres})
	by := s.v.GetString("by")
	if by == "" {
		by = loginName()
	}
	var imports []*ledger.IstImport
	for _, path := range files {
		imp, err := readIstImport(path, centres)
		if err != nil {
			return err
		}
		imp.ImportedBy, imp.Settings = by, string(settingsJSON)
		imports = append(imports, imp)
	}
	l, err := openLedger(ledgerDSN(s), true)
	if err != nil {
		return err
	}
	defer l.Close()
	for _, imp := range imports {
		imp.ImportedAt = time.Now()
		if err := l.AppendIst(context.Background(), imp); err != nil {
			return ledgerError(err)
		}
		fmt.Fprintln(c.OutOrStdout(), msg.New("%s: import %d, %s, SHA-256 %s", imp.File.Name, imp.Seq, strings.Join(imp.Months(), ", "), imp.File.SHA256[:16]).In(messageLang(c)))
	}
	return nil
}

// readIstImport reads one Ist file into an import: its content and sums.
func readIstImport(path string, centres map[string]string) (*ledger.IstImport, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, indicators.OpenError(path, err)
	}
	ist := actuals.New()
	if err := ist.Read(bytes.NewReader(content), path, actuals.Options{CostCenters: centres}); err != nil {
		return nil, err
	}
	imp := &ledger.IstImport{File: ledger.NewInput("ist", path, content)}
	for _, v := range ist.Sums() {
		imp.Sums = append(imp.Sums, ledger.IstSum{Unit: v.Unit, Month: v.Month.String(), Cents: v.Cents, Cases: v.Cases, HasCases: v.HasCases})
	}
	return imp, nil
}

func newIstListCmd() *cobra.Command {
	return ledgerSub("list", "List the Ist imports of the ledger", cobra.NoArgs, []string{"table", "json"}, istListRun)
}

// istListJSON is the JSON of ist list (README).
type istListJSON struct {
	Imports []istImportJSON `json:"imports"`
}

type istImportJSON struct {
	Import     int64          `json:"import"`
	ImportedAt string         `json:"imported_at"`
	ImportedBy string         `json:"imported_by"`
	File       string         `json:"file"`
	SHA256     string         `json:"sha256"`
	Bytes      int64          `json:"bytes"`
	Months     []istMonthJSON `json:"months"`
}

type istMonthJSON struct {
	Month    string `json:"month"`
	Revision int    `json:"revision"`
	Active   bool   `json:"active"`
	Total    string `json:"total"`
	cents    int64
}

func istListRun(c *cobra.Command, s *settings, _ []string) error {
	out, err := readOutputOptions(s)
	if err != nil {
		return err
	}
	l, err := openLedger(ledgerDSN(s), false)
	if err != nil {
		return err
	}
	defer l.Close()
	imports, err := l.IstImports(context.Background())
	if err != nil {
		return ledgerError(err)
	}
	list := istList(imports)
	var buf bytes.Buffer
	if out.Format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(list)
	} else {
		err = writeIstTable(&buf, list, out.Lang)
	}
	if err != nil {
		return err
	}
	return out.write(c.OutOrStdout(), buf.Bytes())
}

// istList numbers each month's revisions and marks the active ones.
func istList(imports []ledger.IstImport) istListJSON {
	list := istListJSON{Imports: []istImportJSON{}}
	active, revisions := ledger.ActiveIst(imports), map[string]int{}
	for i, imp := range imports {
		j := istImportJSON{Import: imp.Seq, ImportedAt: imp.ImportedAt.UTC().Format(time.RFC3339), ImportedBy: imp.ImportedBy,
			File: imp.File.Name, SHA256: imp.File.SHA256, Bytes: imp.File.Bytes, Months: []istMonthJSON{}}
		totals := map[string]int64{}
		for _, v := range imp.Sums {
			totals[v.Month] += v.Cents
		}
		for _, m := range imp.Months() {
			revisions[m]++
			j.Months = append(j.Months, istMonthJSON{m, revisions[m], active[i][m], allocate.Cents(totals[m]).String(), totals[m]})
		}
		list.Imports = append(list.Imports, j)
	}
	return list
}

// writeIstTable lists a line per import and month, aligned as ledger
// list does.
func writeIstTable(w io.Writer, list istListJSON, lang *report.Lang) error {
	words := istWords[0]
	if lang == report.English {
		words = istWords[1]
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, words["header"])
	for _, imp := range list.Imports {
		for _, m := range imp.Months {
			state := words["active"]
			if !m.Active {
				state = words["replaced"]
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d (%s)\t%s\n", imp.Import, imp.ImportedAt, imp.ImportedBy, imp.File, imp.SHA256[:16],
				m.Month, m.Revision, state, lang.Euros(allocate.Cents(m.cents)))
		}
	}
	return tw.Flush()
}

// istWords are the words of ist list, German and English.
var istWords = [2]map[string]string{
	{"header": "Import\tZeit\tvon\tDatei\tSHA-256\tMonat\tRevision\tSumme €", "active": "aktiv", "replaced": "ersetzt"},
	{"header": "Import\tTime\tby\tFile\tSHA-256\tMonth\tRevision\tTotal €", "active": "active", "replaced": "replaced"},
}
