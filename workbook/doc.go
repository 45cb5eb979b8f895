// Package workbook writes Excel reports that a committee can read and an
// auditor can check: the amounts, the inputs with live formulas that
// recompute every unrounded amount, the course of a plan, a comparison of
// scenarios, and an audit sheet with the program version, the settings and
// a checksum of each input file. The same inputs and report date give the
// same bytes.
package workbook
