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
package indicators
