package main

import "testing"

// TestNearest checks the flag or command suggested for a typo, and that
// nothing is suggested for what is not near any.
func TestNearest(t *testing.T) {
	flags := []string{"source", "destination", "cleanDestinationDir", "baseURL", "buildDrafts", "strict", "cpuprofile", "memprofile"}
	tests := []struct {
		typed      string
		candidates []string
		want       string
	}{
		{"sorce", flags, "source"},     // a letter missing
		{"soucre", flags, "source"},    // two swapped
		{"baseurl", flags, "baseURL"},  // case
		{"dest", flags, "destination"}, // the only flag it starts
		{"strictt", flags, "strict"},   // a letter extra
		{"nope", flags, ""},            // nothing near
		{"c", flags, ""},               // too short to guess
		{"bulid", commands, "build"},
		{"sevre", commands, "serve"},
		{"event", commands, "events"},
		{"xyzzy", commands, ""},
		{"buildDraft", flags, "buildDrafts"},
		{"cleanDestDir", flags, ""}, // too far: no guess rather than a wrong one
	}
	for _, tt := range tests {
		if got := nearest(tt.typed, tt.candidates); got != tt.want {
			t.Errorf("nearest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
