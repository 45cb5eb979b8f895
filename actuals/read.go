package actuals

import (
	"io"
	"math/big"
	"os"
	"strings"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// Options say how to read an Ist table.
type Options struct {
	Sheet       string            // xlsx: the sheet; "" = the first
	CostCenters map[string]string // Kostenstelle -> unit, for tables without a unit column
}

// ReadFile reads the table at path into s.
func (s *Ist) ReadFile(path string, opt Options) error {
	f, err := os.Open(path)
	if err != nil {
		return indicators.OpenError(path, err)
	}
	defer f.Close()
	return s.Read(f, path, opt)
}

// Read reads one table, named name in messages, into s. The first bad
// row ends the read with its error, and s is then not to be used.
func (s *Ist) Read(r io.ReadSeeker, name string, opt Options) error {
	rows, err := indicators.OpenRows(r, name, indicators.Options{Sheet: opt.Sheet})
	if err != nil {
		return err
	}
	err = s.readRows(rows, name, opt)
	if cerr := rows.Close(); cerr != nil {
		return cerr // a damaged workbook voids what was read
	}
	return err
}

// rowReader reads the data rows of one table.
type rowReader struct {
	s    *Ist
	rows *indicators.RowReader
	cols columns
	opt  Options
	num  indicators.NumberParser
}

func (s *Ist) readRows(rows *indicators.RowReader, name string, opt Options) error {
	header, err := firstRow(rows)
	if err != nil {
		return err
	}
	if header == nil {
		return &indicators.Error{File: name, Sheet: rows.Sheet(), Msg: msg.New("no header row; the table is empty")}
	}
	cols, err := findColumns(header, rows, opt)
	if err != nil {
		return err
	}
	s.HasCases = s.HasCases || cols.cases >= 0
	rr := &rowReader{s: s, rows: rows, cols: cols, opt: opt}
	n := 0
	for {
		cells, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		added, err := rr.add(cells)
		if err != nil {
			return err
		}
		if added {
			n++
		}
	}
	if n == 0 {
		return rows.ErrorAt(0, "", msg.New("no data rows below the header"))
	}
	return nil
}

// firstRow returns the first row that is not blank; nil if there is none.
func firstRow(rows *indicators.RowReader) ([]string, error) {
	for {
		cells, err := rows.Next()
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if !blank(cells) {
			return append([]string(nil), cells...), nil
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if indicators.TrimCell(c) != "" {
			return false
		}
	}
	return true
}

// add checks one row and adds it to its unit and month; a blank row adds
// nothing.
func (r *rowReader) add(cells []string) (bool, error) {
	if blank(cells) {
		return false, nil
	}
	unit, err := r.unit(cells)
	if err != nil {
		return false, err
	}
	month, err := r.month(cells)
	if err != nil {
		return false, err
	}
	cases, hasCases := int64(0), r.cols.cases >= 0 && indicators.TrimCell(cell(cells, r.cols.cases)) != ""
	if hasCases {
		if cases, err = r.hundredths(cells, r.cols.cases, false); err != nil {
			return false, err
		}
	}
	var cents int64
	// a row may carry only the month's cases
	if !hasCases || indicators.TrimCell(cell(cells, r.cols.amount)) != "" {
		if cents, err = r.hundredths(cells, r.cols.amount, true); err != nil {
			return false, err
		}
	}
	return true, r.commit(unit, month, cents, cases, hasCases)
}

// commit adds a checked row to the sums.
func (r *rowReader) commit(unit string, month Month, cents, cases int64, hasCases bool) error {
	s := r.s
	u, ok := s.index[unit]
	if !ok {
		u = len(s.Units)
		s.index[unit] = u
		s.Units = append(s.Units, unit)
		s.places = append(s.places, *r.rows.ErrorAt(r.cols.unit, r.cols.heading[r.cols.unit], msg.Text{}))
	}
	v := s.sums[key{u, month}]
	if v == nil {
		v = &sum{}
		s.sums[key{u, month}] = v
	}
	if !addInto(&v.cents, cents) || !addInto(&v.cases, cases) {
		return r.rows.ErrorAt(r.cols.amount, r.cols.heading[r.cols.amount], msg.New("the sum of the month is too large"))
	}
	v.hasCases = v.hasCases || hasCases
	r.year(month)
	return nil
}

// year notes that month has data.
func (r *rowReader) year(month Month) {
	y := r.s.years[month.Year()]
	if y == nil {
		y = &yearInfo{place: *r.rows.ErrorAt(r.cols.when, r.cols.heading[r.cols.when], msg.Text{})}
		r.s.years[month.Year()] = y
	}
	y.months |= 1 << (month.Num() - 1)
}

// addInto adds v to *sum unless that overflows.
func addInto(sum *int64, v int64) bool {
	t := *sum + v
	if (v > 0 && t < *sum) || (v < 0 && t > *sum) {
		return false
	}
	*sum = t
	return true
}

// unit reads the row's unit, from its name or its cost centre.
func (r *rowReader) unit(cells []string) (string, error) {
	c := r.cols.unit
	name := indicators.TrimCell(cell(cells, c))
	switch {
	case name == "":
		return "", r.errorAt(c, msg.New("empty value"))
	case strings.ContainsAny(name, "\r\n"):
		return "", r.errorAt(c, msg.New("%q is not one line (Alt+Enter in Excel?)", short(name)))
	case isTotal(name):
		return "", r.errorAt(c, msg.New("%q looks like a total row; remove it", name))
	case !r.cols.costCenter:
		return name, nil
	}
	unit, ok := r.opt.CostCenters[name]
	if !ok {
		return "", r.errorAt(c, msg.New("cost centre %q has no district office in the config (cost-centers)", name))
	}
	return unit, nil
}

// totalNames are the labels of total rows; compared without case, and
// without allocating, as every row's unit is checked.
var totalNames = []string{"summe", "gesamt", "total", "insgesamt", "sum"}

func isTotal(name string) bool {
	if len(name) > len("insgesamt") {
		return false
	}
	for _, t := range totalNames {
		if strings.EqualFold(name, t) {
			return true
		}
	}
	return false
}

// month reads the row's month, from a month or a booking date, as text or
// as an Excel date cell.
func (r *rowReader) month(cells []string) (Month, error) {
	c := r.cols.when
	text := cell(cells, c)
	if indicators.TrimCell(text) == "" {
		return 0, r.errorAt(c, msg.New("empty value"))
	}
	var m Month
	var err error
	switch {
	case r.rows.IsNumberCell(c):
		m, err = SerialMonth(text)
	case r.cols.date:
		m, err = ParseDate(text)
	default:
		m, err = ParseMonth(text)
	}
	if err != nil {
		return 0, r.errorAt(c, textOf(err))
	}
	return m, nil
}

// hundredths reads cell c as a number of whole hundredths: cents of an
// amount, or cases; cases must not be negative.
func (r *rowReader) hundredths(cells []string, c int, negative bool) (int64, error) {
	text := cell(cells, c)
	if indicators.TrimCell(text) == "" {
		return 0, r.errorAt(c, msg.New("empty value"))
	}
	d, err := r.rows.Dialect(c, text)
	if err != nil {
		return 0, r.errorAt(c, textOf(err))
	}
	n, scale, neg, err := r.num.Decimal(text, d)
	switch {
	case err != nil:
		return 0, r.errorAt(c, textOf(err))
	case neg && !negative:
		return 0, r.errorAt(c, msg.New("negative value"))
	}
	v, ok := scaled(n, scale)
	if !ok {
		return 0, r.errorAt(c, msg.New("%q has more than two decimals or is too large", short(indicators.TrimCell(text))))
	}
	if neg {
		v = -v
	}
	return v, nil
}

// maxCell bounds a cell: a trillion euros in cents.
const maxCell = 1e14

// scaled returns n / 10^scale × 100 if that is a whole number within
// maxCell.
func scaled(n *big.Int, scale int) (int64, bool) {
	if n.IsInt64() && scale <= 2 {
		v := n.Int64()
		for ; scale < 2; scale++ {
			v *= 10
			if v > maxCell {
				return 0, false
			}
		}
		return v, v <= maxCell
	}
	var rem big.Int
	q := new(big.Int).Set(n)
	for ; scale > 2; scale-- {
		q.QuoRem(q, big.NewInt(10), &rem)
		if rem.Sign() != 0 {
			return 0, false
		}
	}
	for ; scale < 2; scale++ {
		q.Mul(q, big.NewInt(10))
	}
	return q.Int64(), q.IsInt64() && q.Int64() <= maxCell
}

func (r *rowReader) errorAt(c int, m msg.Text) error {
	return r.rows.ErrorAt(c, r.cols.heading[c], m)
}

// textOf is the sentence of err, a cell's problem, to be placed: the
// catalogue's if err is one of its errors.
func textOf(err error) msg.Text {
	if m, ok := err.(*msg.Error); ok {
		return m.Text
	}
	return msg.New("%v", err)
}

// cell returns cell c, or "" when the row is shorter.
func cell(cells []string, c int) string {
	if c < 0 || c >= len(cells) {
		return ""
	}
	return cells[c]
}
