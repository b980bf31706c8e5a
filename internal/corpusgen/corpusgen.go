// Package corpusgen makes corpora of news articles with known duplicates,
// for testing and benchmarking duplicate detection and cleaning at any
// size.
//
// The text is real news prose: paragraphs of the Timeline17 articles
// (DefaultDir), kept when they read as running prose and appear only once
// in the source. A story is a run of three to seven consecutive paragraphs
// of one source article, so stories of one topic share names and subjects
// without sharing wording. Each story is published once as an Original and
// may be republished as copies of the kinds a site's scraper meets
// (ExactCopy, Rewrapped, ParagraphAdded, ParagraphRemoved, Corrected) and
// told again by another paper in its own words (Rewrite). Copies belong to
// their original's gold group; a rewrite starts a group of its own (it may
// have copies too) and shares only the story.
//
// When a corpus needs more stories than the source has paragraphs for,
// further stories respin real ones: every word that is not a stop word is
// redrawn from the topic's vocabulary, so the text keeps the shape of news
// prose but shares no wording with any other story.
//
// Everything is drawn from a random source seeded by Options.Seed: the
// same options give the same corpus.
package corpusgen

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/internal/words"
)

// Kind says how an article of a corpus was made from its story.
type Kind int

const (
	// Original is the first publication of a story, with full metadata.
	Original Kind = iota
	// ExactCopy has the original's paragraphs unchanged.
	ExactCopy
	// Rewrapped has the original's paragraphs in other chrome that
	// cleaning left: a different headline block, and perhaps a short site
	// line or an aggregator's note at the top or the bottom.
	Rewrapped
	// ParagraphAdded has one paragraph more of the same story.
	ParagraphAdded
	// ParagraphRemoved lacks one paragraph: the first, the last or one
	// between.
	ParagraphRemoved
	// Corrected has an editor's correction line at the end.
	Corrected
	// Rewrite tells the story again in other words: sentences dropped,
	// joined and reordered, many words replaced, names and numbers kept.
	// It is not a copy of the original: at most 30% of the five-word
	// sequences of the shorter of the two are in the other.
	Rewrite
)

var kindNames = [...]string{"original", "exact copy", "rewrapped", "paragraph added", "paragraph removed", "corrected", "rewrite"}

// String returns the kind's name, such as "paragraph added".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// IsCopy reports whether an article of kind k is a copy of another.
func (k Kind) IsCopy() bool { return k >= ExactCopy && k <= Corrected }

// Article is one generated article.
type Article struct {
	// Path is unique: content/<publisher>/<number>.txt.
	Path      string
	Title     string
	Publisher string
	Author    string
	URL       string
	// Date is the publication date (UTC midnight), zero when unknown.
	Date time.Time
	// Paragraphs are the text after cleaning: no site chrome but what a
	// copy's Kind says it kept.
	Paragraphs []string
	// Topic is the source directory the story's text came from.
	Topic string
	Kind  Kind
	// Group is the gold duplicate group: articles with the same Group are
	// copies of one text, and no other articles are.
	Group int
	// Story is shared by the copies and the rewrites of one story.
	Story int
}

// Text returns the paragraphs joined by blank lines.
func (a *Article) Text() string { return strings.Join(a.Paragraphs, "\n\n") }

// File returns the article as a text file with TOML front matter: its
// title, and its publisher, author, URL and date when it has them.
func (a *Article) File() string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %q\n", a.Title)
	if a.Publisher != "" {
		fmt.Fprintf(&b, "publisher = %q\n", a.Publisher)
	}
	if a.Author != "" {
		fmt.Fprintf(&b, "author = %q\n", a.Author)
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "url = %q\n", a.URL)
	}
	if !a.Date.IsZero() {
		fmt.Fprintf(&b, "date = %s\n", a.Date.Format("2006-01-02"))
	}
	b.WriteString("+++\n\n")
	b.WriteString(a.Text())
	b.WriteString("\n")
	return b.String()
}

// Corpus is a generated set of articles in random order.
type Corpus struct {
	Articles []Article
}

// Groups returns the gold duplicate groups as indices into Articles: each
// group sorted, groups ordered by their first index. An article without
// copies is a group of one.
func (c *Corpus) Groups() [][]int {
	byGroup := map[int][]int{}
	for i, a := range c.Articles {
		byGroup[a.Group] = append(byGroup[a.Group], i)
	}
	out := make([][]int, 0, len(byGroup))
	for _, g := range byGroup {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// Count returns how many articles there are of each kind.
func (c *Corpus) Count() map[Kind]int {
	n := map[Kind]int{}
	for _, a := range c.Articles {
		n[a.Kind]++
	}
	return n
}

// Options say what corpus to make. The zero value makes an empty corpus
// from DefaultDir.
type Options struct {
	// Dir holds one directory per topic with the source articles as .txt
	// files (a +++ front matter with date = YYYY-MM-DD, paragraphs split
	// by blank lines), in any depth of subdirectories. Empty means
	// DefaultDir.
	Dir string
	// Articles is the number of articles to make.
	Articles int
	// Seed seeds every random choice.
	Seed uint64
	// CopyShare is about the share of the articles that are copies; 0
	// means 0.3, a negative value none.
	CopyShare float64
	// RewriteShare is about the share of the articles that are rewrites
	// (counting their copies as copies); 0 means 0.1, a negative value
	// none.
	RewriteShare float64
}

// Generate makes a corpus. It reads the source directory on every call.
// The error wraps fs.ErrNotExist when the directory is missing.
func Generate(opts Options) (Corpus, error) {
	dir := opts.Dir
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return Corpus{}, err
		}
		dir = d
	}
	src, err := readSource(dir)
	if err != nil {
		return Corpus{}, err
	}
	g := newGenerator(src, opts)
	if len(g.stories) == 0 {
		return Corpus{}, fmt.Errorf("corpusgen: no source article in %s has three paragraphs of prose", dir)
	}
	return g.corpus(opts.Articles), nil
}

// story is a run of paragraphs of one source article.
type story struct {
	topic *topic
	date  time.Time
	paras []string
	// spare is the paragraph that follows them in the source, for a copy
	// with a paragraph added; empty when there is none.
	spare string
}

type generator struct {
	r       *rand.Rand
	stories []story
	// copyP is the chance of one more copy of a story; rewriteP the
	// chance of a rewrite.
	copyP, rewriteP float64
	groups          int
	arts            []Article
}

func newGenerator(src *source, opts Options) *generator {
	g := &generator{r: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))}
	copyShare, rewriteShare := share(opts.CopyShare, 0.3), share(opts.RewriteShare, 0.1)
	// Per story: one original, c copies on average, r rewrites, so that
	// c/(1+c+r) and r/(1+c+r) are the shares asked for.
	origShare := max(0.05, 1-copyShare-rewriteShare)
	c, rw := copyShare/origShare, rewriteShare/origShare
	g.copyP = c / (1 + c) // geometric number of copies with mean c
	g.rewriteP = min(1, rw)
	for _, t := range src.topics {
		for _, a := range t.articles {
			for i := 0; i+3 <= len(a.paras); {
				n := min(len(a.paras)-i, 3+g.r.IntN(5))
				st := story{topic: t, date: a.date, paras: a.paras[i : i+n]}
				i += n
				if i < len(a.paras) {
					st.spare = a.paras[i]
					i++
				}
				g.stories = append(g.stories, st)
			}
		}
	}
	g.r.Shuffle(len(g.stories), func(i, j int) { g.stories[i], g.stories[j] = g.stories[j], g.stories[i] })
	return g
}

func share(v, def float64) float64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return min(v, 0.9)
}

// corpus makes n articles, shuffles them and gives them paths.
func (g *generator) corpus(n int) Corpus {
	n = max(n, 0)
	for s := 0; len(g.arts) < n; s++ {
		g.publish(s)
	}
	g.arts = g.arts[:n]
	g.r.Shuffle(len(g.arts), func(i, j int) { g.arts[i], g.arts[j] = g.arts[j], g.arts[i] })
	for i := range g.arts {
		a := &g.arts[i]
		pub := "scrape"
		if a.Publisher != "" {
			pub = slug(a.Publisher)
		}
		a.Path = fmt.Sprintf("content/%s/%06d.txt", pub, i)
	}
	return Corpus{Articles: g.arts}
}

// publish publishes story number s: the original, its copies, and
// perhaps a rewrite and a copy of that.
func (g *generator) publish(s int) {
	st := g.stories[s%len(g.stories)]
	if round := s / len(g.stories); round > 0 {
		paras := make([]string, len(st.paras))
		for i, p := range st.paras {
			paras[i] = respin(p, st.topic, g.r)
		}
		st.paras = paras
		if st.spare != "" {
			st.spare = respin(st.spare, st.topic, g.r)
		}
	}
	date := st.date
	if date.IsZero() {
		date = time.Date(2011, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, s%365)
	}
	title := headline(st.paras[0], g.r)
	orig := Article{
		Title:      title,
		Publisher:  st.topic.publisher,
		Author:     pick(g.r, authors),
		URL:        url(st.topic.publisher, date, title, s),
		Date:       date,
		Paragraphs: st.paras,
		Topic:      st.topic.name,
		Kind:       Original,
		Story:      s,
	}
	g.add(orig, true)
	for k := 0; k < 8 && g.r.Float64() < g.copyP; k++ {
		kind := Kind(1 + g.r.IntN(int(Corrected)))
		g.add(g.copyOf(orig, st, kind), false)
	}
	if g.r.Float64() < g.rewriteP {
		paras := rewrite(st.paras, st.topic, g.r)
		pub := pick(g.r, papers)
		d := date.AddDate(0, 0, g.r.IntN(2))
		t := headline(paras[0], g.r)
		rw := Article{Title: t, Publisher: pub, Author: pick(g.r, authors), URL: url(pub, d, t, s), Date: d,
			Paragraphs: paras, Topic: st.topic.name, Kind: Rewrite, Story: s}
		g.add(rw, true)
		if g.r.Float64() < 0.25 {
			kinds := []Kind{ExactCopy, Rewrapped, Corrected}
			g.add(g.copyOf(rw, story{topic: st.topic, paras: paras}, kinds[g.r.IntN(len(kinds))]), false)
		}
	}
}

// add appends a, in a new gold group when first is set, else in the group
// of the article added last with first set. Every article gets its own
// slice of paragraphs.
func (g *generator) add(a Article, first bool) {
	if first {
		g.groups++
	}
	a.Group = g.groups - 1
	a.Paragraphs = slices.Clone(a.Paragraphs)
	g.arts = append(g.arts, a)
}

// copyOf republishes orig with the change kind says. A copy never has an
// author, so its original always has the richer metadata.
func (g *generator) copyOf(orig Article, st story, kind Kind) Article {
	c := orig
	c.Kind = kind
	c.Author = ""
	paras := append([]string(nil), orig.Paragraphs...)
	mirror := pick(g.r, mirrors)
	c.Publisher, c.URL = mirror, url(mirror, orig.Date, orig.Title, orig.Story)
	switch kind {
	case ExactCopy:
		if g.r.IntN(2) == 0 { // a bare scrape: no metadata at all
			c.Title, c.Publisher, c.URL, c.Date = "", "", "", time.Time{}
		}
	case Rewrapped:
		paras = g.rehead(&c, paras)
		switch g.r.IntN(4) {
		case 0:
			paras = append([]string{pick(g.r, siteLines)}, paras...)
		case 1:
			paras = append(paras, pick(g.r, siteLines))
		case 2:
			paras = append(paras, fmt.Sprintf(pick(g.r, notes), orig.Publisher))
		}
	case ParagraphAdded:
		extra := st.spare
		if extra == "" {
			extra = respin(paras[g.r.IntN(len(paras))], st.topic, g.r)
		}
		at := len(paras)
		if g.r.IntN(3) == 0 {
			at = 1 + g.r.IntN(len(paras))
		}
		paras = append(paras[:at], append([]string{extra}, paras[at:]...)...)
	case ParagraphRemoved:
		if len(paras) > 2 {
			at := []int{0, len(paras) - 1, 1 + g.r.IntN(len(paras)-2)}[g.r.IntN(3)]
			paras = append(paras[:at], paras[at+1:]...)
		}
	case Corrected:
		paras = append(paras, fmt.Sprintf(pick(g.r, corrections), pick(g.r, st.topic.names), pick(g.r, st.topic.numbers)))
	}
	// Some copies changed in one way carry other chrome too.
	if kind != ExactCopy && kind != Rewrapped {
		if g.r.IntN(4) == 0 {
			paras = append(paras, pick(g.r, siteLines))
		}
		if g.r.IntN(4) == 0 {
			paras = g.rehead(&c, paras)
		}
	}
	if g.r.IntN(3) == 0 {
		c.Date = time.Time{}
	}
	c.Paragraphs = paras
	return c
}

// rehead gives a copy another headline, made from another sentence of
// the story, as its title and as a block above paras.
func (g *generator) rehead(c *Article, paras []string) []string {
	other := paras[g.r.IntN(len(paras))]
	if ss := sentences(other); len(ss) > 1 {
		other = ss[1+g.r.IntN(len(ss)-1)]
	}
	c.Title = headline(other, g.r)
	return append([]string{c.Title}, paras...)
}

func url(publisher string, date time.Time, title string, story int) string {
	return fmt.Sprintf("https://%s.example/%s/%s-%d", slug(publisher), date.Format("2006/01/02"), slug(title), story)
}

// slug keeps the ASCII letters and digits of s, lower-cased, and puts a
// dash for every run of other characters between them (an underscore
// too, which words.Slug would keep), or gives "x" when s keeps nothing.
func slug(s string) string {
	return cmp.Or(words.Slug(strings.ReplaceAll(s, "_", " ")), "x")
}
