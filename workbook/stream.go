package workbook

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"
)

// streamRows is the number of units above which the sheets with a row per
// unit are written by the workbook library's StreamWriter: its in-memory
// cells cost about 1 KiB a cell and most of the time of a large report.
// A streamed sheet keeps its live formulas; it has no chart of the units
// (a chart of thousands of lines says nothing).
var streamRows = 5000

// sheetStream is a sheet being streamed: cells wait per row until the
// sheet's code ends the row, then go out in row order.
type sheetStream struct {
	sw      *excelize.StreamWriter
	pending map[int][]cellAt
	written int // the last row written
	// spare and values are reused from row to row.
	spare  []cellAt
	values []any
	// enc writes the units' rows while the report is saved (unitRows).
	enc *rowEncoder
}

// cellAt is a cell waiting in its row.
type cellAt struct {
	col  int
	cell excelize.Cell
}

// streamed reports whether sheet is written by a StreamWriter.
func (b *book) streamed(sheet string) bool {
	_, ok := b.streams[sheet]
	return ok
}

// startStream streams sheet when the report is large. The page setup
// goes first: the stream writes the sheet properties at once.
func (b *book) startStream(sheet string) error {
	if !b.large {
		return nil
	}
	if err := b.pageSetup(sheet); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	b.streams[sheet] = &sheetStream{sw: sw, pending: map[int][]cellAt{}}
	return nil
}

// put holds a cell of a streamed sheet until its row ends.
func (s *sheetStream) put(sheet string, c, r int, x excelize.Cell) error {
	if s.enc != nil {
		return s.enc.put(sheet, c, r, x)
	}
	if r <= s.written {
		return fmt.Errorf("%s!%s: row %d is already written", sheet, cell(c, r), r)
	}
	cells, ok := s.pending[r]
	if !ok {
		cells, s.spare = s.spare, nil
	}
	s.pending[r] = append(cells, cellAt{col: c, cell: x})
	return nil
}

// endRow writes the streamed sheet's rows up to row r; for a sheet in
// memory it does nothing.
func (b *book) endRow(sheet string, r int) error {
	s, ok := b.streams[sheet]
	if !ok {
		return nil
	}
	rows := make([]int, 0, len(s.pending))
	for row := range s.pending {
		if row <= r {
			rows = append(rows, row)
		}
	}
	slices.Sort(rows)
	for _, row := range rows {
		if err := s.writeRow(row); err != nil {
			return err
		}
	}
	return nil
}

func (s *sheetStream) writeRow(row int) error {
	cells := s.pending[row]
	delete(s.pending, row)
	slices.SortStableFunc(cells, func(x, y cellAt) int { return x.col - y.col })
	values := s.values[:0]
	for _, c := range cells {
		for len(values) < c.col {
			values = append(values, nil)
		}
		values[c.col-1] = c.cell // a cell set twice keeps the last value
	}
	s.written = row
	err := s.sw.SetRow(cell(1, row), values)
	clear(values)
	s.values, s.spare = values[:0], cells[:0]
	return err
}

// endSheet writes what is left of a streamed sheet and ends it.
func (b *book) endSheet(sheet string) error {
	s, ok := b.streams[sheet]
	if !ok {
		return nil
	}
	if err := b.endRow(sheet, maxRow); err != nil {
		return err
	}
	return s.sw.Flush()
}

const maxRow = excelize.TotalRows
