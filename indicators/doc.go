// Package indicators reads the indicator and spending tables that youth
// offices export from German Excel, as CSV or .xlsx, into exact numbers per
// allocation unit (Bezirksstelle).
//
// The package does no money arithmetic. [Read] and [ReadFile] find the
// columns named by a [Schema] (headings are matched loosely, with German
// aliases), sum rows per unit when the table has an area column (Stadtteil),
// and return a [Table] whose values are [*math/big.Rat], parsed straight from
// the cell text and never through float64. Every bad input is reported as an
// [*Error] that names the file, the line or the sheet and cell, and the
// column, so the user can find it in the spreadsheet.
//
// Numbers follow the conventions of the file: decimal comma and "." or space
// thousands separators in semicolon or tab separated CSV ([German]), decimal
// point in comma separated CSV ([English]), and Excel's raw cell values in
// .xlsx ([Machine]); see [ParseNumber].
//
// In .xlsx, a number cell is read as Excel stores it ("1.234" is 1.234)
// and a text cell holding a number by German rules ("1.234" is 1234). A
// shared string, as Excel keeps text, that holds a machine number with a
// decimal point ("1.5", "1234.5") is refused, since "1.500" beside it would
// read 1500; such text kept in the cell (an inline string, as streaming
// writers keep the output of programs) or as a formula's result reads
// "1.5" as 1.5. Boolean cells (TRUE, FALSE) read as 1 and 0, the values
// Excel stores for them.
//
// A table may come as the statistics office sends it. The heading row is
// the first of rows 1–20 that holds the unit's heading and another known
// one ([Table].HeadingRow); the rows above it, a title and notes, are left
// out ([Table].Titles), unless one holds a number in a column of values.
// Below the table, after an empty row, rows with text only left of the
// columns of values are notes, left out ([Table].Notes), if no row of data
// follows them. A total row at the end is left out when its values are the
// sums of the rows above ([Table].TotalRow).
//
// A non-empty cell right of the last heading is an error, not a note to
// drop: in a ','-separated file it is what an unquoted decimal comma leaves
// when it splits a number and shifts the rest of the row.
//
// A read stops at the first bad row, unless [Schema].AllProblems is set:
// then every problem of every row goes to [Table].Problems, in file order
// (a row's from left to right), the bad rows are left out of the sums, and
// the read succeeds; a table with problems is for listing them, not for
// allocating. Problems that leave nothing to check still end the read
// with an error: no header, a missing or duplicated column, a file that is
// not a workbook, is damaged or unpacks to too much. After 1000 problems
// one more says there are more, and the read stops.
//
// In .xlsx, rows hidden in Excel (by hand, by a filter or in a collapsed
// group) are read, as Excel's own sums count them, and listed in
// [Table].HiddenRows, since a user who checks the table on screen does not
// see them. A unit or area name merged down over several rows, which the
// file holds in the top cell only, counts for every row of the merged
// cells. An empty cell that must not be is explained where Excel shows
// something: a formula that no program calculated (the file holds no
// result, as a workbook written by a script), a formula whose saved result
// is empty, or merged cells. The merged cells follow the rows in the
// sheet's part, so they are read, in one more pass over it, only on the
// way to such an error.
//
// Workbooks are read by package internal/xlsx: the sheet is streamed from
// the workbook's zip, so that memory grows with the units and the
// workbook's shared strings, not with the rows. Broken XML in a sheet is
// an error, which excelize would read up to and drop the rest without a
// word; so are rows or cells out of order, which it would put in the wrong
// place.
//
// A workbook that unpacks to more than 4 GiB, or holds a part that packs
// more tightly than a table does (over 1000 times, or over 100 times for
// a part over 64 MiB), is refused from its zip directory before anything
// is unpacked: a zip bomb would take the time of a file a thousand times
// as large. Every part is unpacked once and proved to hold its declared
// size and checksum: the sheet read and the shared strings by that read,
// to their end, the others to nowhere beside it. excelize takes a damaged
// part as far as it goes, and a sheet cut short would lose its last units
// without a word.
package indicators
