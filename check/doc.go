// Package check provides the plausibility check of indicator and spending
// tables: every error allocate would refuse them for and every warning about
// values that are valid but probably wrong, as typed findings with file,
// place and column.
package check
