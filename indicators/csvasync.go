package indicators

// A large CSV file is read and cut into cells on a goroutine of its own,
// a batch of records ahead of the builder, which checks and sums them:
// of a million rows, the reader took a quarter of the time, which the
// second core now does. The cells are strings of the reader's blocks,
// which it never writes again (see csvReader), so the builder may read
// them beside the reader.

// asyncSize is the size of a file from which a goroutine reads ahead; a
// smaller one is read in the builder's steps. A variable, for the tests.
var asyncSize int64 = 4 << 20

// csvBatchRows is the number of records of a batch: a handful of the
// reader's blocks.
const csvBatchRows = 512

// csvBatch is records read ahead.
type csvBatch struct {
	cells []string // of all the records
	ends  []int    // the end of each record's cells in cells
	lines []int    // the line of each cell
	offs  []int64  // the reader's offset after each record
	err   error    // after the records: io.EOF, or the error that ended the text
}

// csvPipe passes batches from the goroutine that reads (produce) to the
// builder (next); empty batches go back, to be filled again.
type csvPipe struct {
	full, free   chan *csvBatch
	done, exited chan struct{}

	cur *csvBatch // the builder's batch
	i   int       // its next record
}

// csvBatches is the number of batches: one being read, one being
// checked, and two ready.
const csvBatches = 4

// async starts the goroutine that reads ahead; stop must be called.
func (s *csvSource) async() {
	p := &csvPipe{
		full:   make(chan *csvBatch, csvBatches),
		free:   make(chan *csvBatch, csvBatches),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	for range csvBatches {
		p.free <- &csvBatch{}
	}
	s.pipe = p
	go p.produce(s.r)
}

// stop ends the goroutine that reads ahead and waits for it, so that the
// file is not read after the read has returned; but not while the file
// is read again (see rewind), which only a panic leaves: the goroutine
// may wait for the file, and the panic is to end the program.
func (s *csvSource) stop() {
	if s.pipe != nil {
		close(s.pipe.done)
		if !s.rereading {
			<-s.pipe.exited
		}
	}
}

// produce reads records into batches until the text ends or the builder
// stops.
func (p *csvPipe) produce(r *csvReader) {
	defer close(p.exited)
	for {
		var b *csvBatch
		select {
		case b = <-p.free:
		case <-p.done:
			return
		}
		b.fill(r)
		select {
		case p.full <- b:
		case <-p.done:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// fill reads the next records into b.
func (b *csvBatch) fill(r *csvReader) {
	b.cells, b.ends, b.lines, b.offs, b.err = b.cells[:0], b.ends[:0], b.lines[:0], b.offs[:0], nil
	for len(b.ends) < csvBatchRows {
		rec, err := r.read()
		if err != nil {
			b.err = err
			return
		}
		for i := range rec {
			b.lines = append(b.lines, r.lineOf(i))
		}
		b.cells = append(b.cells, rec...)
		b.ends = append(b.ends, len(b.cells))
		b.offs = append(b.offs, r.offset())
	}
}

// next returns the next record with the line of each cell and the
// reader's offset after it; the slices are valid until the next call.
// After the last, it returns the error that ended the text, io.EOF at
// its end, as often as it is called.
func (p *csvPipe) next() ([]string, []int, int64, error) {
	for p.cur == nil || p.i == len(p.cur.ends) {
		if p.cur != nil {
			if p.cur.err != nil {
				return nil, nil, 0, p.cur.err
			}
			p.free <- p.cur // never waits: there are csvBatches
		}
		p.cur, p.i = <-p.full, 0
	}
	start := 0
	if p.i > 0 {
		start = p.cur.ends[p.i-1]
	}
	end := p.cur.ends[p.i]
	off := p.cur.offs[p.i]
	p.i++
	return p.cur.cells[start:end], p.cur.lines[start:end], off, nil
}

// nextCell returns cell col of the next record if it is in the batch.
func (p *csvPipe) nextCell(col int) (string, bool) {
	if p.cur == nil || p.i == len(p.cur.ends) {
		return "", false
	}
	start := 0
	if p.i > 0 {
		start = p.cur.ends[p.i-1]
	}
	if start+col >= p.cur.ends[p.i] {
		return "", false
	}
	return p.cur.cells[start+col], true
}
