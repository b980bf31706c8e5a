package main

import (
	"bytes"
	"flag"
	"fmt"
	"strings"
)

// commands are the names run accepts, for suggestions.
var commands = []string{"build", "serve", "extract", "sources", "events", "init", "version", "help"}

// nearest returns the candidate closest to s, for a "did you mean"
// suggestion: the one s is a prefix of, if only one is, or else the one
// within a small edit distance (a letter missing, extra, wrong or two
// swapped), or "" if none is close.
func nearest(s string, candidates []string) string {
	s = strings.ToLower(s)
	var prefixed []string
	for _, c := range candidates {
		if len(s) >= 2 && strings.HasPrefix(strings.ToLower(c), s) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	best, bestD := "", max(1, len(s)/3)+1
	for _, c := range candidates {
		if d := editDistance(s, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// didYouMean returns "; did you mean S?" for the nearest candidate to s,
// or "".
func didYouMean(s, prefix string, candidates []string) string {
	if n := nearest(s, candidates); n != "" {
		return "; did you mean " + prefix + n + "?"
	}
	return ""
}

// parseFlags is fs.Parse, except that a flag fs does not define gets one
// line naming it as typed, with the nearest flag fs has, such as
// "timeline build: unknown flag --sorce; did you mean --source?", rather
// than the flag package's message and the whole usage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(out)
	const undefined = "flag provided but not defined: -"
	if err != nil && strings.HasPrefix(err.Error(), undefined) {
		name := strings.TrimPrefix(err.Error(), undefined)
		typed := "--" + name
		for _, a := range args {
			if a == "-"+name || strings.HasPrefix(a, "-"+name+"=") {
				typed = "-" + name
			}
		}
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		cmd, _, _ := strings.Cut(fs.Name(), " ")
		fmt.Fprintf(out, "timeline %s: unknown flag %s%s\nRun \"timeline %s -h\" for its flags.\n", cmd, typed, didYouMean(name, "--", names), cmd)
		return err
	}
	out.Write(buf.Bytes())
	return err
}
