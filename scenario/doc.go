// Package scenario runs transition plans and the scenarios around them: a
// schedule of indicator shares over quarters, quarterly budgets from yearly
// ones, the corridor that damps how fast a unit's share may move, a
// scenario's changes to the data (adjustments) and the previous quarter's
// amounts lined up with the data's units. Like the engine it does no I/O.
package scenario
