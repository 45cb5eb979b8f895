// Package runes cuts streamed UTF-8 text at whole characters, for the
// readers that check and decode text a block at a time.
package runes

import "unicode/utf8"

// Complete returns the length of b without a character cut off at its
// end: the rest belongs with the next block.
func Complete(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}
