// Package calc lets tests look at a workbook the way a spreadsheet program
// shows it: it opens the file in LibreOffice headless, has it recalculate
// every formula, and reads back the cells of every sheet.
//
// The reports are written by excelize with live formulas and no cached
// values, so reading them with excelize alone shows nothing for a formula;
// only a real spreadsheet program tells whether the formulas work.
package calc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Timeout bounds one run of soffice.
const Timeout = 120 * time.Second

// InstallHint says how to get soffice.
const InstallHint = "apt-get install libreoffice-calc-nogui"

// csvFilter is the CSV export filter of LibreOffice. Tokens: 1 separator
// (44 ','), 2 text delimiter (34 '"'), 3 charset (76 UTF-8), 4 first line,
// 5 column formats (none), 6 language (0: default), 7 quote all text cells
// (true: tells text from numbers), 8 detect special numbers (import only),
// 9 save cell contents as shown (false: raw values), 10 export formulas
// (false), 11 remove spaces (false), 12 sheet (-1: every sheet into its own
// file <base>-<sheet name>.csv; LibreOffice 7.2 and later).
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"

// registry is the user profile's registrymodifications.xcu: recalculate
// every formula on load, whatever the file has cached (0 = always), and
// format numbers in the en-US locale (decimal point) whatever the
// environment says.
const registry = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`

// candidates are where soffice is looked for after PATH.
var candidates = []string{
	"/usr/bin/soffice",
	"/usr/lib/libreoffice/program/soffice",
	"/opt/libreoffice/program/soffice",
	"/Applications/LibreOffice.app/Contents/MacOS/soffice",
}

// soffice returns the path of the soffice binary, or "" when there is none.
func soffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	for _, p := range candidates {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

// Available reports whether soffice can be found (PATH, /usr/bin/soffice,
// /usr/lib/libreoffice/program/soffice).
func Available() bool { return soffice() != "" }

// Require skips the test with a message saying how to install LibreOffice
// ("apt-get install libreoffice-calc-nogui") when soffice is missing, and
// fails it instead when the environment variable CI is set.
func Require(t testing.TB) {
	t.Helper()
	if Available() {
		return
	}
	msg := "LibreOffice (soffice) not found; install it with: " + InstallHint
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (CI is set, so this test may not be skipped)")
	}
	t.Skip(msg)
}

// Sheets opens the workbook at path in LibreOffice headless, recalculates all
// formulas, and returns the cells of every sheet as shown (raw values, not
// formatted: numbers with a decimal point, no thousands separators), keyed by
// sheet name, rows of cells.
//
// rows[r][c] is the cell in row r+1, column c+1: every sheet starts at A1,
// every row reaches the rightmost used column of its sheet (empty cells are
// ""), and an empty sheet has no rows. What comes back:
//   - numbers with up to 15 significant digits, as LibreOffice writes them
//     ("1234567.5", "0.333333333333333", "1E+020"), whatever their format
//     (currency, thousands separators, "0.####" ...);
//   - numbers formatted as a percentage as the fraction: LibreOffice writes
//     "12.5%", Sheets returns "0.125" (a text cell "12.5%" stays as it is);
//   - dates and times as LibreOffice's en-US input form ("01/15/2024",
//     "2024-01-15 12:30:40" for an ISO format), not the serial number;
//   - booleans as "TRUE" and "FALSE";
//   - text as it is, line breaks included;
//   - formula errors as their text: "#DIV/0!", "#NAME?", "Err:502" ...
//     (see Errors).
func Sheets(path string) (map[string][][]string, error) {
	return sheets(path, registry)
}

// sheets is Sheets with the given registrymodifications.xcu in the profile.
func sheets(path, xcu string) (map[string][][]string, error) {
	bin := soffice()
	if bin == "" {
		return nil, fmt.Errorf("calc: LibreOffice (soffice) not found; install it with: %s", InstallHint)
	}
	names, err := sheetNames(path)
	if err != nil {
		return nil, err
	}

	tmp, err := os.MkdirTemp("", "calc-")
	if err != nil {
		return nil, fmt.Errorf("calc: %w", err)
	}
	defer os.RemoveAll(tmp)
	outdir, command, out, err := convert(bin, path, tmp, xcu, csvFilter)
	if err != nil {
		return nil, err
	}

	result := make(map[string][][]string, len(names))
	for _, name := range names {
		file := filepath.Join(outdir, base+"-"+name+".csv")
		data, err := os.ReadFile(file)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("calc: %s: soffice wrote no %s for sheet %q (files: %s)\n%s\noutput:\n%s",
				path, filepath.Base(file), name, listDir(outdir), command, out.String())
		}
		if err != nil {
			return nil, fmt.Errorf("calc: %w", err)
		}
		rows, quoted, err := parseCSV(data)
		if err != nil {
			return nil, fmt.Errorf("calc: %s: sheet %q: %w", path, name, err)
		}
		for r, row := range rows {
			for c, cell := range row {
				if !quoted[r][c] {
					if v, ok := percentToFraction(cell); ok {
						row[c] = v
					}
				}
			}
		}
		result[name] = rows
	}
	if n := countCSV(outdir); n != len(names) {
		return nil, fmt.Errorf("calc: %s: the workbook has %d sheets %q, soffice wrote %d CSV files (%s)",
			path, len(names), names, n, listDir(outdir))
	}
	return result, nil
}

// convert has soffice convert a copy of the workbook at path, made in the
// folder tmp, with the given filter; it returns the folder of the output,
// the command line and soffice's output for messages.
func convert(bin, path, tmp, xcu, filter string) (outdir, command string, out *bytes.Buffer, err error) {
	// A copy under a known name: the output files are named after it, and
	// LibreOffice leaves nothing (lock files) next to the caller's file.
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		ext = ".xlsx"
	}
	in := filepath.Join(tmp, base+ext)
	if err := copyFile(path, in); err != nil {
		return "", "", nil, fmt.Errorf("calc: %w", err)
	}
	profile := filepath.Join(tmp, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		return "", "", nil, fmt.Errorf("calc: %w", err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(xcu), 0o644); err != nil {
		return "", "", nil, fmt.Errorf("calc: %w", err)
	}
	outdir = filepath.Join(tmp, "out")
	if err := os.Mkdir(outdir, 0o755); err != nil {
		return "", "", nil, fmt.Errorf("calc: %w", err)
	}
	args := []string{
		"--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String(),
		"--convert-to", filter,
		"--outdir", outdir,
		in,
	}
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = environ()
	cmd.Dir = tmp
	out = new(bytes.Buffer)
	cmd.Stdout = out
	cmd.Stderr = out
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	command = bin + " " + strings.Join(quoteArgs(args), " ")
	if ctx.Err() != nil {
		return "", "", nil, fmt.Errorf("calc: %s: soffice did not finish within %s\n%s\noutput:\n%s", path, Timeout, command, out.String())
	}
	if runErr != nil {
		return "", "", nil, fmt.Errorf("calc: %s: soffice failed: %v\n%s\noutput:\n%s", path, runErr, command, out.String())
	}
	return outdir, command, out, nil
}

// base is the name of the copy soffice converts.
const base = "book"

// sheetNames returns the names of the workbook's sheets in order.
func sheetNames(path string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("calc: %w", err)
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) == 0 {
		return nil, fmt.Errorf("calc: %s: no sheets", path)
	}
	return names, nil
}

// environ is the environment for soffice: a UTF-8 locale, so sheet names
// with umlauts make valid file names (under a locale that is not installed
// LibreOffice silently writes no file for them) and numbers get a decimal
// point.
func environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "LANG" || k == "LANGUAGE" || strings.HasPrefix(k, "LC_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C.UTF-8")
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

func quoteArgs(args []string) []string {
	q := make([]string, len(args))
	for i, a := range args {
		if strings.ContainsAny(a, " '\"()\\$") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		q[i] = a
	}
	return q
}

func listDir(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err.Error()
	}
	var names []string
	for _, e := range entries {
		names = append(names, strconv.Quote(e.Name()))
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

func countCSV(dir string) int {
	entries, _ := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") {
			n++
		}
	}
	return n
}

// parseCSV reads LibreOffice's CSV: ',' between fields, '"' around text
// (doubled inside), records ending in "\n". Unlike encoding/csv it keeps
// empty lines (an empty row of a one-column sheet), so row r is always
// spreadsheet row r+1, and it tells which fields were quoted (text) and
// which were not (numbers, booleans). Trailing empty rows (an empty sheet
// is written as one empty line) are dropped.
func parseCSV(data []byte) (rows [][]string, quoted [][]bool, err error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var (
		row  []string
		rowq []bool
		line = 1
	)
	i, n := 0, len(data)
	for i < n {
		var field string
		q := false
		if data[i] == '"' {
			q = true
			start := line
			i++
			var b strings.Builder
			for {
				if i >= n {
					return nil, nil, fmt.Errorf("line %d: quoted field not closed", start)
				}
				c := data[i]
				if c == '"' {
					if i+1 < n && data[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				if c == '\n' {
					line++
				}
				b.WriteByte(c)
				i++
			}
			field = b.String()
		} else {
			j := i
			for j < n && data[j] != ',' && data[j] != '\n' {
				if data[j] == '"' {
					return nil, nil, fmt.Errorf("line %d: quote inside an unquoted field", line)
				}
				j++
			}
			field = string(data[i:j])
			i = j
		}
		if i < n && data[i] == '\r' && i+1 < n && data[i+1] == '\n' {
			i++ // CRLF after a quoted field
		}
		if i == n || data[i] == '\n' {
			field = strings.TrimSuffix(field, "\r")
		}
		row = append(row, field)
		rowq = append(rowq, q)
		switch {
		case i == n:
		case data[i] == ',':
			i++
			if i == n { // "a,": a last, empty field
				row = append(row, "")
				rowq = append(rowq, false)
			}
			continue
		case data[i] == '\n':
			i++
			line++
		default:
			return nil, nil, fmt.Errorf("line %d: %q after a quoted field", line, data[i])
		}
		rows = append(rows, row)
		quoted = append(quoted, rowq)
		row, rowq = nil, nil
	}
	if row != nil {
		rows = append(rows, row)
		quoted = append(quoted, rowq)
	}
	for len(rows) > 0 && emptyRow(rows[len(rows)-1], quoted[len(quoted)-1]) {
		rows, quoted = rows[:len(rows)-1], quoted[:len(quoted)-1]
	}
	if rows == nil {
		rows, quoted = [][]string{}, [][]bool{}
	}
	return rows, quoted, nil
}

func emptyRow(row []string, quoted []bool) bool {
	for i, c := range row {
		if c != "" || quoted[i] {
			return false
		}
	}
	return true
}

// percentNumber is how LibreOffice writes a number formatted as a
// percentage when it saves raw values: the value times 100 and a '%'.
var percentNumber = regexp.MustCompile(`^(-?)([0-9]+)(?:\.([0-9]+))?(?:E([+-][0-9]+))?%$`)

// percentToFraction turns "12.5%" into "0.125" by moving the decimal point,
// so no digit changes by rounding.
func percentToFraction(s string) (string, bool) {
	m := percentNumber.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	sign, whole, frac, exp := m[1], m[2], m[3], m[4]
	if exp != "" {
		e, err := strconv.Atoi(exp)
		if err != nil {
			return "", false
		}
		mant := whole
		if frac != "" {
			mant += "." + frac
		}
		return fmt.Sprintf("%s%sE%+04d", sign, mant, e-2), true
	}
	digits := whole + frac
	point := len(whole) - 2
	if point <= 0 {
		digits = strings.Repeat("0", 1-point) + digits
		point = 1
	}
	w := strings.TrimLeft(digits[:point], "0")
	if w == "" {
		w = "0"
	}
	v := w
	if f := strings.TrimRight(digits[point:], "0"); f != "" {
		v += "." + f
	}
	if v == "0" {
		sign = ""
	}
	return sign + v, true
}

// errorTexts are the error values LibreOffice shows (and writes) for a
// formula, and the newer ones of Excel a cached value may hold.
var errorTexts = map[string]bool{
	"#DIV/0!": true, "#NAME?": true, "#VALUE!": true, "#REF!": true,
	"#N/A": true, "#NUM!": true, "#NULL!": true,
	"#SPILL!": true, "#CALC!": true, "#FIELD!": true, "#BLOCKED!": true,
	"#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true, "#PYTHON!": true,
	"#GETTING_DATA": true,
}

// errorPattern is LibreOffice's own error codes: "Err:502" and "#ERR...".
var errorPattern = regexp.MustCompile(`^(Err:[0-9]+|#ERR[0-9]*!?)$`)

// IsError reports whether a cell's text is a spreadsheet error value.
func IsError(cell string) bool {
	return errorTexts[cell] || errorPattern.MatchString(cell)
}

// Errors lists every cell whose text is a spreadsheet error (#DIV/0!, #NAME?,
// #VALUE!, #REF!, #N/A, #NUM!, #NULL!, Err:NNN, #ERR...), as "Sheet!A1: text".
//
// The list is sorted by sheet name, then row, then column. A text cell that
// happens to read "#N/A" is listed too: the CSV does not tell it apart.
func Errors(sheets map[string][][]string) []string {
	names := make([]string, 0, len(sheets))
	for name := range sheets {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs []string
	for _, name := range names {
		for r, row := range sheets[name] {
			for c, cell := range row {
				if !IsError(cell) {
					continue
				}
				ref, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					ref = fmt.Sprintf("R%dC%d", r+1, c+1)
				}
				errs = append(errs, fmt.Sprintf("%s!%s: %s", name, ref, cell))
			}
		}
	}
	return errs
}
