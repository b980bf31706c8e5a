package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/render"
	"github.com/timeline-ssg/timeline/internal/site"
)

// extract runs `timeline extract`: the cleaned text of each file given.
func extract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flags("extract [--json] [--out DIR] FILE...",
		"Reads and cleans articles (.txt, .md, .html) as a build does, treating the files\n"+
			"given as one site, and prints the main text of each. With --json, prints\n"+
			"each file's metadata, where it was found, the kept blocks and what was removed.\n"+
			"With --out, writes DIR/NAME.txt per file instead.", stderr)
	asJSON := fs.Bool("json", false, "print metadata, kept blocks and removed lines as JSON")
	out := fs.String("out", "", "write each file's text to `DIR`/NAME.txt instead of printing it")
	files, code := parseInterspersed(fs, args)
	if code >= 0 {
		return code
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "timeline extract: no files given")
		fs.Usage()
		return exitUsage
	}
	articles, diags, err := site.Extract(ctx, files, nil)
	printStageWarnings(stderr, diags)
	if err != nil {
		printError(stderr, err)
		return exitBuild
	}
	for _, d := range diags.Errors() {
		fmt.Fprintf(stderr, "ERROR %s\n", d.Error())
	}
	switch {
	case *out != "":
		if err := writeTexts(*out, articles); err != nil {
			fmt.Fprintf(stderr, "ERROR %v\n", err)
			return exitBuild
		}
	case *asJSON:
		recs := make([]extractJSON, len(articles))
		for i, a := range articles {
			recs[i] = newExtractJSON(a)
		}
		if err := writeJSON(stdout, recs); err != nil {
			return exitBuild
		}
	default:
		for i, a := range articles {
			if len(articles) > 1 {
				if i > 0 {
					fmt.Fprintln(stdout)
				}
				fmt.Fprintf(stdout, "==> %s <==\n", diag.ShowName(a.Path))
			}
			fmt.Fprintln(stdout, a.Text())
		}
	}
	if len(diags.Errors()) > 0 {
		return exitBuild
	}
	return exitOK
}

// writeTexts writes each article's text to dir/NAME.txt, NAME being the
// file's base name without its extension.
func writeTexts(dir string, articles []clean.Article) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	seen := map[string]string{}
	for _, a := range articles {
		base := path.Base(a.Path)
		name := strings.TrimSuffix(base, path.Ext(base)) + ".txt"
		if other, ok := seen[name]; ok {
			return fmt.Errorf("%s and %s would both be written to %s: extract them separately",
				diag.ShowName(other), diag.ShowName(a.Path), diag.ShowName(name))
		}
		seen[name] = a.Path
		if err := os.WriteFile(filepath.Join(dir, name), []byte(a.Text()+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// extractJSON is one file's record in the output of `extract --json`.
type extractJSON struct {
	File      string               `json:"file"`
	Title     string               `json:"title"`
	Publisher string               `json:"publisher,omitempty"`
	Author    string               `json:"author,omitempty"`
	URL       string               `json:"url,omitempty"`
	Date      string               `json:"date,omitempty"`
	Dateline  *datelineJSON        `json:"dateline,omitempty"`
	MetaFrom  map[string]string    `json:"metaFrom"`
	Text      string               `json:"text"`
	Blocks    []blockJSON          `json:"blocks"`
	Removed   []render.JSONRemoval `json:"removed"`
}

type datelineJSON struct {
	Text  string `json:"text"`
	Place string `json:"place,omitempty"`
	Date  string `json:"date,omitempty"`
}

type blockJSON struct {
	Line    int    `json:"line"`
	Heading bool   `json:"heading,omitempty"`
	Text    string `json:"text"`
}

func newExtractJSON(a clean.Article) extractJSON {
	r := extractJSON{
		File: a.Path, Title: a.Title, Publisher: a.Publisher, Author: a.Author, URL: a.URL,
		Date: a.Date.ISO(), MetaFrom: a.MetaFrom, Text: a.Text(),
		Blocks: []blockJSON{}, Removed: []render.JSONRemoval{},
	}
	if a.Dateline.Text != "" {
		r.Dateline = &datelineJSON{Text: a.Dateline.Text, Place: a.Dateline.Place, Date: a.Dateline.Date.ISO()}
	}
	for _, b := range a.Blocks {
		r.Blocks = append(r.Blocks, blockJSON{Line: b.Line, Heading: b.Heading, Text: b.Text})
	}
	for _, x := range a.Removed {
		r.Removed = append(r.Removed, render.JSONRemoval{Line: x.Line, Reason: x.Reason, Text: x.Text})
	}
	return r
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// explainFlags adds the flags the commands that explain a build share
// (--source, --json, --buildDrafts) to fs and parses args: it returns
// the site to explain, whether to print JSON, and the exit code to use
// (-1 to go on).
func explainFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (site.Options, bool, int) {
	source := fs.String("source", ".", "site directory, holding site.toml and content/")
	asJSON := fs.Bool("json", false, "print as one JSON document")
	drafts := fs.Bool("buildDrafts", false, "include articles marked draft = true")
	if code := parse(fs, args, stdout); code >= 0 {
		return site.Options{}, false, code
	}
	return site.Options{SiteDir: *source, Drafts: *drafts}, *asJSON, -1
}

// sources runs `timeline sources`: per source, its files, the evidence
// for merging its copies, its metadata and where each field was found,
// and what cleaning removed.
func sources(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flags("sources [--source DIR] [--json]",
		"Explains the sources a build would make: each source's files and duplicate group\n"+
			"with similarity scores, its metadata and where each field was found, and the\n"+
			"lines cleaning removed, with the reason.", stderr)
	opt, asJSON, code := explainFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}
	srcs, diags, err := site.Sources(ctx, opt)
	printStageWarnings(stderr, diags)
	if err != nil {
		printError(stderr, err)
		return exitBuild
	}
	if asJSON {
		recs := make([]sourceJSON, len(srcs))
		for i, s := range srcs {
			recs[i] = newSourceJSON(s)
		}
		if writeJSON(stdout, recs) != nil {
			return exitBuild
		}
		return exitOK
	}
	for i, s := range srcs {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printSource(stdout, s)
	}
	return exitOK
}

// sourceJSON is one source's record in the output of `sources --json`.
type sourceJSON struct {
	ID      string               `json:"id"`
	Article extractJSON          `json:"article"`
	Copies  []render.JSONCopy    `json:"copies"`
	Related []render.JSONRelated `json:"related"`
}

func newSourceJSON(s dedup.Source) sourceJSON {
	r := sourceJSON{ID: s.ID, Article: newExtractJSON(s.Article), Copies: []render.JSONCopy{}, Related: []render.JSONRelated{}}
	for i, c := range s.Copies {
		r.Copies = append(r.Copies, render.JSONCopy{File: c.Path, Title: c.Title, Publisher: c.Publisher, URL: c.URL, Containment: s.Containment[i]})
	}
	for _, x := range s.Related {
		r.Related = append(r.Related, render.JSONRelated{ID: x.ID, Similarity: x.Similarity})
	}
	return r
}

// printSource writes one source's explanation as aligned text.
func printSource(w io.Writer, s dedup.Source) {
	a := s.Article
	fmt.Fprintf(w, "%s\n", s.ID)
	row := func(key, value string) {
		fmt.Fprintf(w, "  %-10s %s\n", key, value)
	}
	row("file", diag.ShowName(a.Path)+" (canonical)")
	for i, c := range s.Copies {
		row("copy", fmt.Sprintf("%s (containment %.2f)", diag.ShowName(c.Path), s.Containment[i]))
	}
	for _, x := range s.Related {
		row("related", fmt.Sprintf("%s (similarity %.2f)", x.ID, x.Similarity))
	}
	field := func(key, value string) {
		if value == "" {
			row(key, "-")
			return
		}
		if from := a.MetaFrom[key]; from != "" {
			value += " [" + from + "]"
		}
		row(key, value)
	}
	field("title", a.Title)
	field("publisher", a.Publisher)
	field("author", a.Author)
	field("date", a.Date.ISO())
	field("url", a.URL)
	if a.Dateline.Text != "" {
		row("dateline", a.Dateline.Text)
	}
	row("kept", fmt.Sprintf("%d blocks, %d bytes", len(a.Blocks), a.TextLen()))
	for _, g := range removedRuns(a.Removed) {
		lines := fmt.Sprintf("line %d", g.first)
		if g.last != g.first {
			lines = fmt.Sprintf("lines %d-%d", g.first, g.last)
		}
		row("removed", fmt.Sprintf("%s (%s): %s", lines, plural(g.count, "block"), g.reason))
	}
}

// removedRun is a run of consecutive removals with the same reason.
type removedRun struct {
	first, last, count int
	reason             string
}

// removedRuns groups consecutive removals that share a reason, so a menu
// of ten lines reads as one range.
func removedRuns(rs []clean.Removal) []removedRun {
	var runs []removedRun
	for _, r := range rs {
		if n := len(runs); n > 0 && runs[n-1].reason == r.Reason {
			runs[n-1].last = r.Line
			runs[n-1].count++
			continue
		}
		runs = append(runs, removedRun{first: r.Line, last: r.Line, count: 1, reason: r.Reason})
	}
	return runs
}

// plural returns "1 block", "2 blocks".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// eventsCmd runs `timeline events`: per event in timeline order, its
// kind, date and basis, how its sources count, its sentences by source,
// the similarities of its pairs of sentences and what they share, and
// the close sentences left out of it, with why.
func eventsCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flags("events [--source DIR] [--json]",
		"Explains the events a build would make: each event's kind, date and how it was\n"+
			"found, its sentences by source, how similar they are and what they share, and the\n"+
			"sentences close to it that were left out, with the reason.", stderr)
	opt, asJSON, code := explainFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}
	evs, diags, err := site.Events(ctx, opt)
	printStageWarnings(stderr, diags)
	if err != nil {
		printError(stderr, err)
		return exitBuild
	}
	if asJSON {
		recs := make([]eventJSON, len(evs))
		for i, e := range evs {
			recs[i] = newEventJSON(e)
		}
		if writeJSON(stdout, struct {
			Events []eventJSON `json:"events"`
		}{recs}) != nil {
			return exitBuild
		}
		return exitOK
	}
	for i, e := range evs {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printEvent(stdout, e)
	}
	return exitOK
}

// eventJSON is one event's record in the output of `events --json`.
type eventJSON struct {
	ID           string         `json:"id"`
	Title        string         `json:"title"`
	TitleFrom    *titleJSON     `json:"title_from"`
	Kind         string         `json:"kind"`
	Date         string         `json:"date"`
	Undated      bool           `json:"undated"`
	Basis        string         `json:"basis"`
	Sources      int            `json:"independent_sources"`
	SourcesCited int            `json:"sources_cited"`
	RelatedNote  string         `json:"related_note,omitempty"`
	Sentences    []sentenceJSON `json:"sentences"`
	Pairs        []pairJSON     `json:"pairs"`
	LeftOut      []leftOutJSON  `json:"left_out"`
}

// titleJSON says how a title was composed: from which sentence, with the
// subject of which sentence before it, leaving out what.
type titleJSON struct {
	Sentence sentenceJSON  `json:"sentence"`
	Subject  string        `json:"subject_from,omitempty"`
	Replaced string        `json:"replaced,omitempty"`
	Dropped  []droppedJSON `json:"dropped"`
}

type droppedJSON struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

type sentenceJSON struct {
	Source    string `json:"source"`
	Anchor    string `json:"anchor"`
	Text      string `json:"text"`
	Date      string `json:"date,omitempty"`
	Statement bool   `json:"statement,omitempty"`
}

type pairJSON struct {
	A           string   `json:"a"`
	B           string   `json:"b"`
	Cosine      float64  `json:"cosine"`
	Shared      []string `json:"shared"`
	SameSource  bool     `json:"same_source,omitempty"`
	SamePassage bool     `json:"same_passage,omitempty"`
	SameDay     bool     `json:"same_day,omitempty"`
}

type leftOutJSON struct {
	sentenceJSON
	Cosine float64 `json:"cosine"`
	Reason string  `json:"reason"`
	Detail string  `json:"detail"`
}

func newSentenceJSON(s site.ReportSentence) sentenceJSON {
	return sentenceJSON{Source: s.Source, Anchor: s.Anchor, Text: s.Text, Date: s.Date, Statement: s.Statement}
}

func newEventJSON(e site.EventReport) eventJSON {
	r := eventJSON{ID: e.ID, Title: e.Title, Kind: e.Kind, Date: e.Date, Undated: e.Undated, Basis: e.Basis,
		Sources: e.Sources, SourcesCited: e.SourcesCited, RelatedNote: e.RelatedNote,
		Sentences: []sentenceJSON{}, Pairs: []pairJSON{}, LeftOut: []leftOutJSON{}}
	if t := e.TitleFrom; t != nil {
		r.TitleFrom = &titleJSON{Sentence: newSentenceJSON(t.Sentence), Subject: t.Subject, Replaced: t.Replaced, Dropped: []droppedJSON{}}
		for _, d := range t.Dropped {
			r.TitleFrom.Dropped = append(r.TitleFrom.Dropped, droppedJSON{d.Kind, d.Text})
		}
	}
	for _, s := range e.Sentences {
		r.Sentences = append(r.Sentences, newSentenceJSON(s))
	}
	for _, p := range e.Pairs {
		r.Pairs = append(r.Pairs, pairJSON{A: p.A, B: p.B, Cosine: round3(p.Cosine), Shared: append([]string{}, p.Shared...),
			SameSource: p.SameSource, SamePassage: p.SamePassage, SameDay: p.SameDay})
	}
	for _, l := range e.LeftOut {
		r.LeftOut = append(r.LeftOut, leftOutJSON{newSentenceJSON(l.Sentence), round3(l.Cosine), l.Reason, l.Detail})
	}
	return r
}

// round3 rounds a similarity to three decimals, as the text shows two.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// faintPair is the similarity under which the text output only counts a
// pair of an event's sentences: clustering counts pairs under 0.05 as 0.
const faintPair = 0.05

// printEvent writes one event's explanation: a block with the event's
// facts, then its sentences, pairs and left-out sentences indented.
func printEvent(w io.Writer, e site.EventReport) {
	fmt.Fprintf(w, "%s  [%s]\n", e.ID, e.Kind)
	row := func(key, value string) {
		fmt.Fprintf(w, "  %-10s %s\n", key, value)
	}
	row("title", e.Title)
	if t := e.TitleFrom; t != nil {
		row("  from", t.Sentence.Ref())
		if t.Subject != "" {
			row("  subject", fmt.Sprintf("%q is named in %s", t.Replaced, t.Subject))
		}
		for _, d := range t.Dropped {
			row("  dropped", fmt.Sprintf("%s: %q", d.Kind, d.Text))
		}
	} else {
		row("  from", "no sentence of the event (set in events.toml?)")
	}
	date := e.Date
	if e.Undated {
		date = "undated"
	}
	if e.Basis != "" {
		date += " (" + e.Basis + ")"
	}
	row("date", date)
	sources := plural(e.Sources, "independent source")
	if e.RelatedNote != "" {
		sources += ": " + e.RelatedNote
	}
	row("sources", sources)
	fmt.Fprintf(w, "  sentences\n")
	for _, s := range e.Sentences {
		mark := ""
		if s.Statement {
			mark = " [said]"
		}
		if s.Date != "" {
			mark += " [" + s.Date + "]"
		}
		fmt.Fprintf(w, "    %s%s  %s\n", s.Ref(), mark, s.Text)
	}
	if len(e.Pairs) > 0 {
		fmt.Fprintf(w, "  pairs\n")
	}
	faint := 0
	for _, p := range e.Pairs {
		if p.Cosine < faintPair {
			faint++
			continue
		}
		var feats []string
		if p.SamePassage {
			feats = append(feats, "same passage")
		} else if p.SameSource {
			feats = append(feats, "same source")
		}
		if p.SameDay {
			feats = append(feats, "same day")
		}
		if len(p.Shared) > 0 {
			feats = append(feats, "shared: "+strings.Join(p.Shared, ", "))
		}
		fmt.Fprintf(w, "    %.2f  %s ~ %s  %s\n", p.Cosine, p.A, p.B, strings.Join(feats, "; "))
	}
	if faint > 0 {
		fmt.Fprintf(w, "    (%s below %.2f: see --json)\n", plural(faint, "more pair"), faintPair)
	}
	if len(e.LeftOut) > 0 {
		fmt.Fprintf(w, "  left out\n")
	}
	for _, l := range e.LeftOut {
		fmt.Fprintf(w, "    %.2f  %s  %s: %s\n        %s\n", l.Cosine, l.Sentence.Ref(), l.Reason, l.Detail, l.Sentence.Text)
	}
}
