// Package scenario runs transition plans: a schedule of indicator shares
// over quarters, quarterly budgets from yearly ones, and the corridor that
// damps how fast a unit's share may move. Like the engine it does no I/O.
package scenario
