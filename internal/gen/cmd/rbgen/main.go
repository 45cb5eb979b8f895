// Command rbgen writes a synthetic indicator table, the input of the
// benchmarks, so that anyone can reproduce them:
//
//	go run ./internal/gen/cmd/rbgen -rows 100000 -units 50 -format xlsx -o big.xlsx
//
// Formats: xlsx (sheet "Daten", number cells), csv (German Excel: ';',
// decimal commas), csv-en (',' and decimal points). The values are random,
// not official data; the same -seed gives the same file.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/raumbudget/raumbudget/internal/gen"
)

func main() {
	rows := flag.Int("rows", 100_000, "number of data rows (areas)")
	units := flag.Int("units", 50, "number of district offices the rows are spread over")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same table")
	format := flag.String("format", "xlsx", "xlsx, csv (German: ';' and decimal comma) or csv-en (',' and decimal point)")
	grouped := flag.Bool("grouped", false, "one block of rows per office instead of the offices taking turns row by row")
	out := flag.String("o", "-", "output file; - for standard output")
	flag.Parse()
	if flag.NArg() > 0 || *rows < 0 || *units < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*rows, *units, *seed, *format, *grouped, *out); err != nil {
		fmt.Fprintln(os.Stderr, "rbgen:", err)
		os.Exit(1)
	}
}

func run(n, units int, seed uint64, format string, grouped bool, out string) error {
	var write func(io.Writer, []gen.Row) error
	switch format {
	case "xlsx":
		write = gen.WriteXLSX
	case "csv":
		write = func(w io.Writer, rows []gen.Row) error { return gen.WriteCSV(w, rows, true) }
	case "csv-en":
		write = func(w io.Writer, rows []gen.Row) error { return gen.WriteCSV(w, rows, false) }
	default:
		return fmt.Errorf("unknown -format %q: want xlsx, csv or csv-en", format)
	}
	rows := gen.Rows(n, units, seed)
	if grouped {
		gen.Group(rows)
	}
	if out == "-" {
		bw := bufio.NewWriter(os.Stdout)
		if err := write(bw, rows); err != nil {
			return err
		}
		return bw.Flush()
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := write(f, rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
