package site

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/parallel"
)

// Extract reads and cleans the given files as one set, the way a build
// cleans the articles of a site (lines repeated across the files count as
// site chrome), so that cleaning can be checked file by file. Paths are
// used as given, in messages too. Datetimes without an offset are read in
// loc, or UTC if loc is nil. A file that cannot be read or is skipped
// (empty, binary) or has an error (bad front matter) is reported in the
// diagnostics and left out of the result; the others are still cleaned.
// What is not a regular file (a named pipe, a device) is skipped with a
// warning without being opened, as is a file larger than the default
// maxArticleSize; reading stops when ctx is done.
func Extract(ctx context.Context, files []string, loc *time.Location) ([]clean.Article, diag.List, error) {
	if loc == nil {
		loc = time.UTC
	}
	maxSize := config.Default().MaxArticleSize
	type result struct {
		article content.Article
		diags   []diag.Diagnostic
		keep    bool
	}
	results := make([]result, len(files))
	err := parallel.For(ctx, len(files), func(i int) {
		name := filepath.ToSlash(files[i])
		data, err := content.ReadFile(ctx, files[i], maxSize)
		var skip *content.SkipError
		switch {
		case errors.As(err, &skip):
			results[i].diags = []diag.Diagnostic{diag.Warnf(name, 0, "skipped: %v", skip)}
			return
		case err != nil:
			results[i].diags = []diag.Diagnostic{diag.Errorf(name, 0, "cannot read: %v", unwrapPath(err))}
			return
		}
		a, ds := content.Parse(name, data, loc)
		results[i] = result{a, ds, len(a.Blocks) > 0 && len(diag.List(ds).Errors()) == 0}
	})
	if err != nil {
		return nil, nil, err
	}
	var articles []content.Article
	var diags diag.List
	for _, r := range results {
		diags = append(diags, r.diags...)
		if r.keep {
			articles = append(articles, r.article)
		}
	}
	cleaned, err := cleanAll(ctx, articles, nil)
	diags = append(diags, thinText(articles, cleaned)...)
	diags.Sort()
	return cleaned, diags, err
}

// Sources runs the stages that turn a site's files into sources (read,
// clean, dedup) and returns the sources with the diagnostics, so that
// cleaning and duplicate detection can be explained source by source.
func Sources(ctx context.Context, opt Options) ([]dedup.Source, diag.List, error) {
	cfg, err := loadConfig(ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	_, sources, diags, err := ingest(ctx, cfg, opt, func(string) {})
	return sources, diags, err
}

// unwrapPath returns the cause of a path error, whose path would repeat
// the file name the message starts with.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// EventReport explains one event of a build: how it is dated, how its
// sources count, its sentences, how alike they are and what linked
// them, and the sentences close to it that were left out, with why.
type EventReport struct {
	ID, Title string
	// TitleFrom says how the title was composed (see events.TitleBasis);
	// nil when no sentence of the event gives it, as when events.toml
	// sets the title.
	TitleFrom *ReportTitle
	// Kind is "happening" or "statement" (see events.KindOf).
	Kind string
	// Date is the event's date as the timeline shows it ("" when
	// undated); Basis says how it was found, or where an undated event
	// was placed.
	Date, Basis string
	Undated     bool
	// Sources is the number of independent sources, rewrites of one
	// report counted once; SourcesCited the number citing the event;
	// RelatedNote says how they count when the two differ.
	Sources, SourcesCited int
	RelatedNote           string
	// Sentences are the event's mentions, by source then position.
	Sentences []ReportSentence
	// Pairs are the pairs of mentions that share a term, the most
	// similar first.
	Pairs []ReportPair
	// LeftOut are the sentences closest to the event's that are not in
	// it, the closest first.
	LeftOut []ReportLeftOut
}

// ReportSentence is one sentence of a source.
type ReportSentence struct {
	// Source is the source's ID; Anchor the sentence's id on its page
	// ("s12", the ordinal from 1).
	Source, Anchor string
	Text           string
	// Date is what the sentence's own words or a neighbour date it to
	// (display form), "" when nothing does; Statement is true when it
	// reports speech.
	Date      string
	Statement bool
}

// ReportTitle is how an event's title was composed from one of its
// sentences.
type ReportTitle struct {
	// Sentence is the sentence the title was composed from.
	Sentence ReportSentence
	// Subject is the address of the sentence before it that named the
	// subject it refers to as Replaced ("He", "the first"); "" when the
	// sentence names it itself.
	Subject, Replaced string
	// Dropped is what the title leaves out of the sentence, in the order
	// it was dropped.
	Dropped []ReportDropped
}

// ReportDropped is one part of a sentence its title leaves out.
type ReportDropped struct {
	Kind string // "dateline", "attribution", "clause", … (events.PartKind)
	Text string
}

// Ref is the sentence's address: source ID # anchor.
func (s ReportSentence) Ref() string { return s.Source + "#" + s.Anchor }

// ReportPair is the similarity of two of an event's sentences, with the
// features that linked them.
type ReportPair struct {
	A, B   string // addresses, source ID # anchor
	Cosine float64
	// Shared are the content words both have.
	Shared []string
	// SameSource, SamePassage, SameDay: one source, one passage of it,
	// one day in both sentences' own words.
	SameSource, SamePassage, SameDay bool
}

// ReportLeftOut is a sentence close to an event that is not in it.
type ReportLeftOut struct {
	Sentence ReportSentence
	// Cosine is its greatest similarity to one of the event's sentences.
	Cosine float64
	// Reason is "not an event mention", "capped", "background date",
	// "other day", "in another event" or "not linked"; Detail the mention
	// cues, the background cue, the day or the other event's ID.
	Reason, Detail string
}

// Events runs the pipeline up to the chronology, editorial changes
// included, and explains every event in timeline order, so that a user
// can see why sentences were grouped, dated and counted as they are
// before publishing.
func Events(ctx context.Context, opt Options) ([]EventReport, diag.List, error) {
	cfg, err := loadConfig(ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	_, sources, diags, err := ingest(ctx, cfg, opt, func(string) {})
	if err != nil {
		return nil, diags, err
	}
	res, dated, _, warns, err := findEvents(ctx, cfg, opt, sources, func(string) {})
	diags = append(diags, warns...)
	if err != nil {
		return nil, diags, err
	}
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}

	explained := events.Explain(res, sources)
	byID := make(map[string]int, len(res.Events))
	for i, ev := range res.Events {
		byID[ev.ID] = i
	}
	groups, err := reportsOf(ctx, sources, res)
	if err != nil {
		return nil, diags, err
	}
	sent := func(i int) ReportSentence {
		s := &res.Sentences[i]
		r := ReportSentence{Source: sources[s.Source].ID, Anchor: anchor(s), Text: s.Text, Statement: events.Statement(s)}
		if !s.When.IsZero() {
			r.Date = s.When.Display()
		}
		return r
	}
	out := make([]EventReport, 0, len(dated))
	for _, d := range dated {
		r := EventReport{ID: d.ID, Title: d.Title, Kind: events.KindOf(d.Event, res.Sentences),
			Basis: basisOf(d), Undated: d.Undated(), SourcesCited: len(d.Sources)}
		if !d.Undated() {
			r.Date = d.Date.Display()
		}
		r.Sources, r.RelatedNote = groups.count(d.Sources)
		if tb := res.TitleBasis(&d.Event); tb.Sentence >= 0 {
			t := &ReportTitle{Sentence: sent(tb.Sentence), Replaced: tb.Replaced}
			if tb.Subject >= 0 {
				t.Subject = sent(tb.Subject).Ref()
			}
			for _, p := range tb.Dropped {
				t.Dropped = append(t.Dropped, ReportDropped{Kind: string(p.Kind), Text: p.Text})
			}
			r.TitleFrom = t
		}
		for _, m := range d.Mentions {
			r.Sentences = append(r.Sentences, sent(m))
		}
		if k, ok := byID[d.ID]; ok {
			x := explained[k]
			for _, p := range x.Pairs {
				r.Pairs = append(r.Pairs, ReportPair{A: sent(p.A).Ref(), B: sent(p.B).Ref(), Cosine: p.Cosine,
					Shared: p.Shared, SameSource: p.SameSource, SamePassage: p.SamePassage, SameDay: p.SameDay})
			}
			for _, l := range x.LeftOut {
				r.LeftOut = append(r.LeftOut, ReportLeftOut{Sentence: sent(l.Sentence), Cosine: l.Cosine, Reason: l.Reason, Detail: l.Detail})
			}
		}
		out = append(out, r)
	}
	return out, diags, nil
}
