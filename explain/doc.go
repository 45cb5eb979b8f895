// Package explain provides why one unit gets its amount and why it
// changed: the parts of a single allocation or of a plan's quarter, and
// the split of the change against an earlier data year or the quarter
// before.
package explain
