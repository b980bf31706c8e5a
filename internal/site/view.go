package site

import (
	"context"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"

	"github.com/timeline-ssg/timeline/internal/chronology"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/render"
	"github.com/timeline-ssg/timeline/internal/sentence"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// maxRelated is how many closely related sources a source page lists, the
// closest first: on sites that syndicate a lot the full list is long and
// says little.
const maxRelated = 5

// makeView turns the pipeline's output into what the renderer shows. It
// stops between events and between sources when ctx is done, and returns
// ctx's error.
func makeView(ctx context.Context, cfg config.Config, sources []dedup.Source, res events.Result, dated []chronology.Dated) (render.Site, error) {
	site := render.Site{
		Title:        cfg.Title,
		Description:  cfg.Description,
		BaseURL:      cfg.BaseURL,
		RelativeURLs: cfg.Relative(),
		Generator:    "timeline " + Version,
		Order:        cfg.Order,
	}
	// Which events cite each sentence and each source, in timeline order.
	citedBy := make([][]string, len(res.Sentences))
	eventsOf := make([][]string, len(sources))
	for _, d := range dated {
		for _, m := range d.Mentions {
			citedBy[m] = append(citedBy[m], d.ID)
		}
		for _, s := range d.Sources {
			eventsOf[s] = append(eventsOf[s], d.ID)
		}
	}
	titles := make([]string, len(sources))
	if err := parallel.For(ctx, len(sources), func(i int) {
		titles[i] = sourceTitle(sources[i])
	}); err != nil {
		return render.Site{}, err
	}
	reports, err := reportsOf(ctx, sources, res)
	if err != nil {
		return render.Site{}, err
	}
	site.Events = make([]render.Event, len(dated))
	if err := parallel.For(ctx, len(dated), func(i int) {
		d := &dated[i]
		independent, note := reports.count(d.Sources)
		ev := render.Event{
			ID:            d.ID,
			Title:         d.Title,
			Date:          dateView(d.Date),
			Undated:       d.Undated(),
			Basis:         basisOf(*d),
			DateConflicts: len(d.Conflicts),
			Placement:     d.Placement,
			Importance:    d.Importance,
			SourceCount:   independent,
			SourcesCited:  len(d.Sources),
			RelatedNote:   note,
			Kind:          events.KindOf(d.Event, res.Sentences),
		}
		for _, s := range d.Sources {
			ev.CopyCount += len(sources[s].Copies)
		}
		dateOf := map[int]string{}
		for _, e := range d.Evidence {
			dateOf[e.Mention] = e.Expression.Date.Display()
		}
		ev.Citations = make([]render.Citation, 0, len(d.Mentions))
		for _, m := range d.Mentions {
			ev.Citations = append(ev.Citations, citation(res.Sentences[m], sources, titles, dateOf[m]))
		}
		for _, m := range d.Summary {
			ev.Summary = append(ev.Summary, citation(res.Sentences[m], sources, titles, dateOf[m]))
		}
		site.Events[i] = ev
	}); err != nil {
		return render.Site{}, err
	}
	reports.weighImportance(site.Events)
	bySource := make([][]int, len(sources))
	for i, s := range res.Sentences {
		bySource[s.Source] = append(bySource[s.Source], i)
	}
	index := make(map[string]int, len(sources))
	for i, src := range sources {
		index[src.ID] = i
	}
	site.Sources = make([]render.Source, len(sources))
	err = parallel.For(ctx, len(sources), func(si int) {
		src := &sources[si]
		a := src.Article
		sv := render.Source{
			ID:        src.ID,
			Title:     titles[si],
			Publisher: a.Publisher,
			Author:    a.Author,
			URL:       a.URL,
			Date:      dateView(a.Date),
			DateFrom:  dateFrom(a.DateFrom, res.Inferred[si]),
			Dateline:  a.Dateline.Text,
			File:      a.Path,
			Text:      a.Text(),
			EventIDs:  eventsOf[si],
		}
		for i, c := range src.Copies {
			sv.Copies = append(sv.Copies, render.Copy{File: c.Path, Title: c.Title, Publisher: c.Publisher, URL: c.URL, Containment: src.Containment[i]})
		}
		for _, r := range src.Related {
			if len(sv.Related) == maxRelated {
				break
			}
			if j, ok := index[r.ID]; ok {
				sv.Related = append(sv.Related, render.Related{ID: r.ID, Title: titles[j], Similarity: r.Similarity})
			}
		}
		for _, r := range a.Removed {
			sv.Removed = append(sv.Removed, render.Removal{Line: r.Line, Text: r.Text, Reason: r.Reason})
		}
		sents := bySource[si]
		k := 0
		sv.Blocks = make([]render.Block, 0, len(a.Blocks))
		for bi, b := range a.Blocks {
			block := render.Block{Heading: b.Heading}
			if b.Heading {
				block.Sentences = []render.Sentence{{Text: b.Text}}
			}
			for ; k < len(sents) && res.Sentences[sents[k]].Block == bi; k++ {
				s := &res.Sentences[sents[k]]
				block.Sentences = append(block.Sentences, render.Sentence{Anchor: anchor(s), Text: s.Text, EventIDs: citedBy[sents[k]]})
			}
			sv.Blocks = append(sv.Blocks, block)
		}
		site.Sources[si] = sv
	})
	if err != nil {
		return render.Site{}, err
	}
	return site, nil
}

func citation(s events.Sentence, sources []dedup.Source, titles []string, date string) render.Citation {
	src := &sources[s.Source]
	return render.Citation{
		SourceID:    src.ID,
		SourceTitle: titles[s.Source],
		Anchor:      anchor(&s),
		Text:        s.Text,
		Start:       s.Start,
		End:         s.End,
		Date:        date,
	}
}

// anchor is a sentence's id on its source page.
func anchor(s *events.Sentence) string { return "s" + strconv.Itoa(s.Ordinal+1) }

// sourceTitle is the source's title, or for an untitled one the start of
// its first sentence.
func sourceTitle(src dedup.Source) string {
	if src.Article.Title != "" {
		return src.Article.Title
	}
	// Without a title, the headline its first sentence gives, composed
	// as an event's title is: whole, never cut with an ellipsis.
	text := src.Article.Text()
	if spans := sentence.Split(text); len(spans) > 0 {
		first := text[spans[0].Start:spans[0].End]
		if t := events.Headline(first, src.Article.Dateline.Text != ""); t != "" {
			return t
		}
	}
	return diag.ShowName(src.Article.Path)
}

func dateView(d temporal.Date) render.Date {
	return render.Date{ISO: d.ISO(), End: d.EndISO(), Precision: d.Precision.String(), Display: d.Display()}
}

// sourceIDs lists the sources' IDs, index for index.
func sourceIDs(sources []dedup.Source) []string {
	ids := make([]string, len(sources))
	for i, s := range sources {
		ids[i] = s.ID
	}
	return ids
}

// setEditorSummaries puts the editor's Markdown summaries, by event ID,
// on the site's events: rendered to HTML by goldmark, whose default
// renderer leaves raw HTML out and drops dangerous link destinations.
func setEditorSummaries(site *render.Site, summaries map[string]string) {
	if len(summaries) == 0 {
		return
	}
	md := goldmark.New()
	for i := range site.Events {
		ev := &site.Events[i]
		text, ok := summaries[ev.ID]
		if !ok {
			continue
		}
		var b strings.Builder
		if err := md.Convert([]byte(text), &b); err != nil {
			b.Reset()
			b.WriteString("<p>" + template.HTMLEscapeString(text) + "</p>")
		}
		ev.EditorSummary = template.HTML(b.String())
		ev.EditorSummaryText = plainText(text)
	}
}

// plainText is the text of Markdown s without its markup, for one-line
// listings and timeline.json: "**The port** [reopens](url)" becomes "The
// port reopens".
func plainText(s string) string {
	var b strings.Builder
	for _, blk := range content.MarkdownBlocks(s, 1) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(blk.Text)
	}
	return b.String()
}

// basisOf says how an event's date was found or, for an undated event the
// narrative placed among the dated ones, why it stands where it does.
func basisOf(d chronology.Dated) string {
	if d.Undated() && d.Placement != "" {
		return d.Placement
	}
	return d.Basis
}

// reports tells which sources are one report: those dedup relates
// (rewrites that kept the original's wording), joined transitively, and
// those the events stage finds retelling each other (events.Retold).
type reports struct {
	root []int // a source's representative, by source index
}

// reportsOf groups the sources into reports with a union-find.
func reportsOf(ctx context.Context, sources []dedup.Source, res events.Result) (reports, error) {
	r := reports{root: make([]int, len(sources))}
	for i := range r.root {
		r.root[i] = i
	}
	index := make(map[string]int, len(sources))
	for i, src := range sources {
		index[src.ID] = i
	}
	for i, src := range sources {
		for _, rel := range src.Related {
			if j, ok := index[rel.ID]; ok {
				r.join(i, j)
			}
		}
	}
	retold, err := events.Retold(ctx, res, len(sources))
	if err != nil {
		return reports{}, err
	}
	for _, p := range retold {
		r.join(p[0], p[1])
	}
	return r, nil
}

func (r reports) find(i int) int {
	for r.root[i] != i {
		i = r.root[i]
	}
	return i
}

// join makes a and b one report, the smaller index its representative,
// so the grouping does not depend on the order of joins.
func (r reports) join(a, b int) {
	a, b = r.find(a), r.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	r.root[b] = a
}

// count returns the number of independent reports among the sources
// (indexes) and, when some of them are rewrites of one report, a note
// saying so: "2 sources, rewrites of one report", "4 sources, 3
// independent".
func (r reports) count(srcs []int) (int, string) {
	seen := map[int]bool{}
	for _, s := range srcs {
		seen[r.find(s)] = true
	}
	n := len(seen)
	switch {
	case n == len(srcs):
		return n, ""
	case n == 1:
		return n, strconv.Itoa(len(srcs)) + " sources, rewrites of one report"
	}
	return n, strconv.Itoa(len(srcs)) + " sources, " + strconv.Itoa(n) + " independent"
}

// weighImportance makes the importance of an event some of whose sources
// rewrite one report count those sources once: chronology weighs each
// source citing an event, so its score is scaled by the share of
// independent sources among them, and the scores are scaled again so the
// top event has 1, rounded as chronology rounds them.
func (r reports) weighImportance(evs []render.Event) {
	changed, top := false, 0.0
	for i := range evs {
		e := &evs[i]
		if e.SourcesCited > e.SourceCount && e.SourceCount > 0 {
			e.Importance *= float64(e.SourceCount) / float64(e.SourcesCited)
			changed = true
		}
		top = max(top, e.Importance)
	}
	if !changed || top == 0 {
		return
	}
	for i := range evs {
		evs[i].Importance = float64(int(evs[i].Importance/top*1000+0.5)) / 1000
	}
}

// dateFrom says in words where a source's publication date came from
// (from, as clean records it), or for a source without one, the day the
// dates of its events put it on (inferred); "" when nothing dates it.
func dateFrom(from string, inferred temporal.Date) string {
	switch from {
	case "":
		if inferred.IsZero() {
			return ""
		}
		return "inferred as " + inferred.Display() + " from the dates other sources give its events"
	case "front matter":
		return "from the front matter"
	case "dateline":
		return "from the dateline"
	case "date line":
		return "from a date line above the article"
	}
	return "from the page's " + from
}
