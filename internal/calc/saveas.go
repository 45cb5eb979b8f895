package calc

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Filters of SaveAs: an Excel workbook, and the first sheet as CSV with ';'
// between fields ('"' around text, UTF-8, the values as shown), as a German
// user saves a table for another program.
const (
	xlsxFilter = "xlsx:Calc MS Excel 2007 XML"
	// Tokens as in csvFilter: 59 ';', 34 '"', 76 UTF-8, from line 1, no
	// column formats, default language, text not quoted as such, -, values
	// as shown (true), no formulas, no spaces removed, sheet 1.
	semicolonCSVFilter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,1"
)

// SaveAs opens the workbook at path in LibreOffice headless, recalculates
// every formula and saves it to out, by out's extension: .xlsx as a
// workbook, which then holds the formulas' results as Excel saves them,
// or .csv as its first sheet (see the filters above), its numbers as shown
// in the de-DE locale ("1.234,5"), whatever the environment.
func SaveAs(path, out string) error {
	bin := soffice()
	if bin == "" {
		return fmt.Errorf("calc: LibreOffice (soffice) not found; install it with: %s", InstallHint)
	}
	ext := strings.ToLower(filepath.Ext(out))
	filter := map[string]string{".xlsx": xlsxFilter, ".csv": semicolonCSVFilter}[ext]
	if filter == "" {
		return fmt.Errorf("calc: SaveAs: cannot write %s files", ext)
	}
	tmp, err := os.MkdirTemp("", "calc-")
	if err != nil {
		return fmt.Errorf("calc: %w", err)
	}
	defer os.RemoveAll(tmp)
	outdir, command, output, err := convert(bin, path, tmp, strings.ReplaceAll(registry, "en-US", "de-DE"), filter)
	if err != nil {
		return err
	}
	// The CSV of one sheet is named after it: book-Sheet1.csv.
	written, _ := filepath.Glob(filepath.Join(outdir, base+"*"+ext))
	if len(written) != 1 {
		return fmt.Errorf("calc: %s: soffice wrote no %s file (files: %s)\n%s\noutput:\n%s", path, ext, listDir(outdir), command, output.String())
	}
	return copyFile(written[0], out)
}
