package runes

import "testing"

func TestComplete(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"Süd", 4},
		{"S\xc3", 1},                // ü cut after its first byte
		{"a\xe2\x82", 1},            // € cut after two of three
		{"a\xe2\x82\xac", 4},        // € whole
		{"a\xf0\x9f\x98", 1},        // an emoji cut after three of four
		{"\x80\x80\x80\x80\x80", 5}, // no character starts: not UTF-8, left to the caller
		{"a\xff", 2},                // an invalid byte is no cut character
	} {
		if got := Complete([]byte(tt.in)); got != tt.want {
			t.Errorf("Complete(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
