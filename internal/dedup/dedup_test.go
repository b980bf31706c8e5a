package dedup

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/webpage"
	"github.com/timeline-ssg/timeline/internal/words"
)

// The stories below are synthetic: a river flood reported by one site,
// scraped again from a mirror with other chrome, rewritten in other words
// by a second paper, and an unrelated product recall.

var (
	floodBody = []string{
		"Heavy rain sent the river Wend over its banks in the market town of Ashby Vale overnight, flooding more than two hundred homes and forcing the closure of the main bridge into the town centre.",
		"Firefighters used inflatable boats to reach elderly residents trapped on upper floors, and the council opened the sports hall on the hill as an emergency shelter for families who had to leave their homes.",
		"The river rose by almost two metres in six hours after a month of rain fell in a single day on the moors above the town, the regional water agency said in a statement on Saturday morning.",
		"Shop owners on the high street spent the day carrying stock upstairs and piling sandbags against their doors, while volunteers handed out blankets and hot drinks at the shelter.",
		"Forecasters said more rain was expected over the weekend and warned that the river would not fall below its flood mark until the middle of next week at the earliest.",
	}
	floodExtra = "The council said it would open a fund for households without insurance and asked residents to photograph the damage before throwing anything away."
	// floodRewrite reports the same facts in other words.
	floodRewrite = []string{
		"Hundreds of households in Ashby Vale were left under water on Saturday when the Wend burst its banks after a day of torrential downpours on the surrounding moorland.",
		"Emergency crews took boats down flooded streets to rescue older people stranded upstairs, and a hilltop leisure centre was turned into a refuge for displaced residents.",
		"According to the water agency, the level of the river climbed nearly two metres within six hours, as a whole month's worth of rainfall came down in one day.",
		"Traders moved their goods to first-floor rooms and stacked sandbags outside shopfronts, as helpers distributed blankets and tea to those at the refuge.",
		"Meteorologists predicted further showers at the weekend and said the Wend was unlikely to drop under flood level before midweek.",
	}
	recallBody = []string{
		"A maker of kitchen appliances recalled forty thousand electric kettles on Tuesday after reports that the base of one model could overheat and scorch worktops in customers' homes.",
		"The company said customers should stop using the kettles at once and take them back to the shop where they bought them for a full refund or a replacement of a newer design.",
		"Safety regulators said they had received nine complaints about the model, including two small kitchen fires, and were reviewing how the fault had passed the factory's testing.",
	}
)

// page builds an input article with one block per line.
func page(path string, meta content.Meta, parts ...[]string) content.Article {
	a := content.Article{Path: path, Meta: meta, Hash: "hash-" + path}
	line := 1
	for _, p := range parts {
		for _, l := range p {
			a.Blocks = append(a.Blocks, webpage.Block{Kind: webpage.Paragraph, Text: l, Line: line})
			line++
		}
	}
	return a
}

// plain builds a cleaned article directly from paragraphs.
func plain(path string, paras ...string) clean.Article {
	a := clean.Article{Path: path}
	for i, p := range paras {
		a.Blocks = append(a.Blocks, clean.Block{Text: p, Line: i + 1})
	}
	return a
}

// groups returns the paths of each source, canonical first.
func groups(sources []Source) [][]string {
	out := [][]string{}
	for _, s := range sources {
		g := []string{s.Article.Path}
		for _, c := range s.Copies {
			g = append(g, c.Path)
		}
		out = append(out, g)
	}
	return out
}

func TestGroupCopies(t *testing.T) {
	gazetteMeta := content.Meta{
		Title:     "River Wend floods Ashby Vale",
		Publisher: "Vale Gazette",
		URL:       "https://gazette.example/flood",
		Date:      time.Date(2024, time.February, 10, 0, 0, 0, 0, time.UTC),
		HasDate:   true,
		DateOnly:  true,
	}
	gazette := page("content/gazette/flood.md", gazetteMeta,
		[]string{"Home | News | Sport | Weather", "IMG_2041 file photo: the flooded high street"},
		floodBody,
		[]string{"Share this article", "Sign up for our newsletter", "Most read", "Bus fares to rise in April", "Comments (4)"},
	)
	// A scrape of a mirror: other menu, another headline, other trailing
	// chrome, and one more paragraph of the same story. No front matter.
	mirror := page("content/mirror/ashby-vale-flood.txt", content.Meta{},
		[]string{"Menu | Local | Money | Travel | Puzzles", "Homes evacuated as the Wend bursts its banks", "Posted by newsdesk | 3 comments"},
		floodBody,
		[]string{floodExtra},
		[]string{"Related stories", "Town hall car park to close for repairs", "Tweet this", "Print"},
	)
	exact := page("content/archive/flood-copy.md", content.Meta{}, floodBody)
	rewrite := page("content/herald/flood.md", content.Meta{Title: "Ashby Vale under water", Publisher: "County Herald"}, floodRewrite)
	recall := page("content/recall.md", content.Meta{Title: "Kettles recalled", Publisher: "Vale Gazette"}, recallBody)

	all := []content.Article{rewrite, mirror, recall, exact, gazette}
	corpus, _ := clean.NewCorpus(context.Background(), all) // not cancelled: no error
	var cleaned []clean.Article
	for _, a := range all {
		cleaned = append(cleaned, clean.Clean(a, corpus))
	}
	// The premise: cleaning left the copies' bodies alike but not equal.
	if got, want := cleaned[1].Text(), strings.Join(append(append([]string(nil), floodBody...), floodExtra), "\n\n"); got != want {
		t.Fatalf("mirror cleaned to\n%s\nwant the flood story and its extra paragraph", got)
	}

	sources := mustGroup(t, cleaned)
	want := [][]string{
		{"content/gazette/flood.md", "content/archive/flood-copy.md", "content/mirror/ashby-vale-flood.txt"},
		{"content/herald/flood.md"},
		{"content/recall.md"},
	}
	if got := groups(sources); !reflect.DeepEqual(got, want) {
		t.Fatalf("groups =\n%v\nwant\n%v", got, want)
	}
	flood := sources[0]
	if flood.ID != "gazette-flood" {
		t.Errorf("ID = %q, want gazette-flood (from the canonical copy's path)", flood.ID)
	}
	if flood.Article.Publisher != "Vale Gazette" || flood.Article.Title != gazetteMeta.Title || flood.Article.DateFrom != "front matter" {
		t.Errorf("canonical article lost its metadata: %+v", flood.Article)
	}
	if len(flood.Containment) != 2 {
		t.Fatalf("Containment = %v, want one per copy", flood.Containment)
	}
	if flood.Containment[0] != 1 {
		t.Errorf("exact copy containment = %v, want 1", flood.Containment[0])
	}
	if c := flood.Containment[1]; c < MinContainment || c > 1 {
		t.Errorf("mirror containment = %v, want in [%v, 1]", c, MinContainment)
	}
	if sources[1].ID != "herald-flood" || sources[2].ID != "recall" {
		t.Errorf("IDs = %q, %q, want herald-flood, recall", sources[1].ID, sources[2].ID)
	}
}

func TestGroupSeparate(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
	}{
		{"paraphrased rewrite of the same story", floodBody, floodRewrite},
		{"unrelated stories", floodBody, recallBody},
		{"one shared paragraph out of five", floodBody, append(append([]string(nil), floodRewrite[:4]...), floodBody[4])},
		{"same opening sentence only", []string{floodBody[0]}, []string{floodBody[0][:60] + " and cutting the railway line to the coast for the rest of the week."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sources := mustGroup(t, []clean.Article{plain("content/a.md", tt.a...), plain("content/b.md", tt.b...)})
			if got, want := groups(sources), [][]string{{"content/a.md"}, {"content/b.md"}}; !reflect.DeepEqual(got, want) {
				t.Errorf("groups = %v, want %v", got, want)
			}
		})
	}
}

func TestGroupNearCopies(t *testing.T) {
	edited := append([]string(nil), floodBody...)
	edited[2] = strings.Replace(edited[2], "almost two metres", "nearly two metres", 1)
	edited[4] = strings.Replace(edited[4], "at the earliest", "at the very earliest", 1)
	tests := []struct {
		name string
		b    []string
	}{
		{"exact", floodBody},
		{"extra paragraph", append(append([]string(nil), floodBody...), floodExtra)},
		{"last paragraph cut", floodBody[:4]},
		{"first paragraph cut", floodBody[1:]},
		{"small edits", edited},
		{"first paragraph upper-cased", []string{strings.ToUpper(floodBody[0]), floodBody[1], floodBody[2], floodBody[3], floodBody[4]}},
		{"paragraphs rewrapped", []string{strings.Join(floodBody[:3], " "), strings.Join(floodBody[3:], " ")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sources := mustGroup(t, []clean.Article{plain("content/a.md", floodBody...), plain("content/b.md", tt.b...)})
			if len(sources) != 1 {
				t.Fatalf("groups = %v, want a.md and b.md merged", groups(sources))
			}
			if c := sources[0].Containment; len(c) != 1 || c[0] < MinContainment || c[0] > 1 {
				t.Errorf("Containment = %v", c)
			}
		})
	}
}

func TestGroupShortTextInsideLongerCopy(t *testing.T) {
	// A 65-word brief (61 shingles), and the same brief followed by four
	// more paragraphs of the same story.
	brief := []string{floodBody[0], floodBody[4]}
	full := append(append(append([]string(nil), brief...), floodBody[1:4]...), floodExtra)
	sources := mustGroup(t, []clean.Article{plain("content/brief.md", brief...), plain("content/full.md", full...)})
	if got, want := groups(sources), [][]string{{"content/full.md", "content/brief.md"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups = %v, want %v: every shingle of the brief is in the full story", got, want)
	}
}

func TestGroupEmptyArticlesAreNotCopies(t *testing.T) {
	a := clean.Article{Path: "content/a.txt", Removed: []clean.Removal{{Line: 1, Text: "Home | News", Reason: "no running text in the file"}}}
	b := clean.Article{Path: "content/b.txt", Removed: []clean.Removal{{Line: 1, Text: "Menu | Puzzles", Reason: "no running text in the file"}}}
	if got, want := groups(mustGroup(t, []clean.Article{a, b})), [][]string{{"content/a.txt"}, {"content/b.txt"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups = %v, want %v", got, want)
	}
}

func TestGroupBriefsInsideFullStory(t *testing.T) {
	// Every two-paragraph brief of the story, inside the full story with
	// a paragraph more: whichever shingles happen to be anchors, the
	// brief's anchors are the full story's too.
	full := append(append([]string(nil), floodBody...), floodExtra)
	for i := range floodBody {
		for j := i + 1; j < len(floodBody); j++ {
			brief := []string{floodBody[i], floodBody[j]}
			sources := mustGroup(t, []clean.Article{plain("content/brief.md", brief...), plain("content/full.md", full...)})
			if got := groups(sources); len(got) != 1 {
				t.Errorf("paragraphs %d and %d: groups = %v, want the brief merged into the full story", i, j, got)
			}
		}
	}
}

func TestGroupShortTextInTwoArticles(t *testing.T) {
	// A brief quoted in full by two different articles joins one of them
	// (the first by path, as both contain all of it); the articles stay
	// apart, and related.
	brief := floodBody[:2]
	a := append(append([]string(nil), brief...), recallBody...)
	b := append(append([]string(nil), brief...), floodRewrite...)
	sources := mustGroup(t, []clean.Article{plain("content/b.md", b...), plain("content/brief.md", brief...), plain("content/a.md", a...)})
	if got, want := groups(sources), [][]string{{"content/a.md", "content/brief.md"}, {"content/b.md"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("groups = %v, want %v", got, want)
	}
	if r := sources[0].Related; len(r) != 1 || r[0].ID != "b" || r[0].Similarity < MinRelated || r[0].Similarity >= MinContainment {
		t.Errorf("a.md related to %v, want to b with a similarity below MinContainment", r)
	}
	if r := sources[1].Related; len(r) != 1 || r[0].ID != "a" {
		t.Errorf("b.md related to %v, want to a", r)
	}
}

func TestGroupManyCopies(t *testing.T) {
	// A story carried by more sites than maxPosting, each with its own
	// chrome line: its anchors are too common for the anchor index, and
	// the copies meet in the MinHash bands.
	const n = 3 * maxPosting
	var in []clean.Article
	for i := range n {
		paras := append(append([]string(nil), floodBody...), fmt.Sprintf("Posted by the news desk of site number %d at %d:%02d", i, i%24, i%60))
		in = append(in, plain(fmt.Sprintf("content/site%03d/flood.md", i), paras...))
	}
	in = append(in, plain("content/recall.md", recallBody...))
	sources := mustGroup(t, in)
	if len(sources) != 2 || sources[0].ID != "recall" || len(sources[1].Copies) != n-1 {
		t.Errorf("%d sources, want the %d copies in one source and the recall in another", len(sources), n)
	}
}

func TestGroupRelated(t *testing.T) {
	twoOfFive := append(append([]string(nil), floodRewrite[:3]...), floodBody[3:]...)
	tests := []struct {
		name    string
		a, b    []string
		related bool
	}{
		{"two paragraphs of five in common", floodBody, twoOfFive, true},
		{"one paragraph of five in common", floodBody, append(append([]string(nil), floodRewrite[:4]...), floodBody[4]), true},
		{"paraphrase: the same facts in other words", floodBody, floodRewrite, false},
		{"unrelated stories", floodBody, recallBody, false},
		{"one sentence in common", []string{floodBody[0]}, []string{floodBody[0][:60] + " and cutting the railway line to the coast for the rest of the week."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sources := mustGroup(t, []clean.Article{plain("content/a.md", tt.a...), plain("content/b.md", tt.b...)})
			if len(sources) != 2 {
				t.Fatalf("groups = %v, want two sources", groups(sources))
			}
			ra, rb := sources[0].Related, sources[1].Related
			if !tt.related {
				if len(ra)+len(rb) != 0 {
					t.Errorf("related: %v, %v; want none", ra, rb)
				}
				return
			}
			if len(ra) != 1 || len(rb) != 1 || ra[0].ID != "b" || rb[0].ID != "a" || ra[0].Similarity != rb[0].Similarity {
				t.Fatalf("related: %v, %v; want a and b related both ways", ra, rb)
			}
			if c := ra[0].Similarity; c < MinRelated || c >= MinContainment {
				t.Errorf("similarity %v, want in [%v, %v)", c, MinRelated, MinContainment)
			}
		})
	}
}

func TestCanonicalCopy(t *testing.T) {
	day := temporal.DayOf(2024, time.February, 10)
	removed := func(n int) []clean.Removal {
		r := make([]clean.Removal, n)
		for i := range r {
			r[i] = clean.Removal{Line: i + 1, Text: "Share this article", Reason: "after the article: a short line that is not a sentence"}
		}
		return r
	}
	base := func(path string) clean.Article { return plain(path, floodBody...) }
	longer := func(path string) clean.Article {
		return plain(path, append(append([]string(nil), floodBody...), floodExtra)...)
	}
	with := func(a clean.Article, f func(*clean.Article)) clean.Article { f(&a); return a }
	tests := []struct {
		name string
		// win should be canonical over lose.
		win, lose clean.Article
	}{
		{"title beats none", with(base("content/z.md"), func(a *clean.Article) { a.Title = "Flood" }), base("content/a.md")},
		{"date beats none", with(base("content/z.md"), func(a *clean.Article) { a.Date = day }), base("content/a.md")},
		{"publisher beats none", with(base("content/z.md"), func(a *clean.Article) { a.Publisher = "Vale Gazette" }), base("content/a.md")},
		{"URL beats none", with(base("content/z.md"), func(a *clean.Article) { a.URL = "https://gazette.example/flood" }), base("content/a.md")},
		{"author beats none", with(base("content/z.md"), func(a *clean.Article) { a.Author = "R. Field" }), base("content/a.md")},
		{"two fields beat one", with(base("content/z.md"), func(a *clean.Article) { a.Date, a.Author = day, "R. Field" }),
			with(base("content/a.md"), func(a *clean.Article) { a.Title = "Flood" })},
		{"metadata beats a cleaner file", with(base("content/z.md"), func(a *clean.Article) { a.Title, a.Removed = "Flood", removed(9) }),
			base("content/a.md")},
		{"metadata beats a longer text", with(base("content/z.md"), func(a *clean.Article) { a.Publisher = "Vale Gazette" }),
			longer("content/a.md")},
		{"fewer removed lines", with(base("content/z.md"), func(a *clean.Article) { a.Removed = removed(1) }),
			with(base("content/a.md"), func(a *clean.Article) { a.Removed = removed(3) })},
		{"fewer removed lines beat a longer text", with(base("content/z.md"), func(a *clean.Article) { a.Removed = removed(1) }),
			with(longer("content/a.md"), func(a *clean.Article) { a.Removed = removed(2) })},
		{"longer text", longer("content/z.md"), base("content/a.md")},
		{"then the path", base("content/a.md"), base("content/z.md")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, in := range [][]clean.Article{{tt.win, tt.lose}, {tt.lose, tt.win}} {
				sources := mustGroup(t, in)
				if len(sources) != 1 {
					t.Fatalf("%d sources, want the two copies merged", len(sources))
				}
				s := sources[0]
				if s.Article.Path != tt.win.Path || len(s.Copies) != 1 || s.Copies[0].Path != tt.lose.Path {
					t.Errorf("canonical %s with copies %v, want %s with [%s]", s.Article.Path, groups(sources)[0][1:], tt.win.Path, tt.lose.Path)
				}
				if want := sourceID(tt.win.Path); s.ID != want {
					t.Errorf("ID = %q, want %q from the canonical path", s.ID, want)
				}
			}
		})
	}
}

func TestCopiesSortedByPath(t *testing.T) {
	canon := plain("content/m.md", floodBody...)
	canon.Publisher = "Vale Gazette"
	in := []clean.Article{
		plain("content/z.md", floodBody...),
		plain("content/b.md", append(append([]string(nil), floodBody...), floodExtra)...),
		canon,
		plain("content/k.md", floodBody[1:]...),
	}
	sources := mustGroup(t, in)
	if got, want := groups(sources), [][]string{{"content/m.md", "content/b.md", "content/k.md", "content/z.md"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("groups = %v, want %v", got, want)
	}
	c := sources[0].Containment
	if len(c) != 3 || c[2] != 1 || c[0] < MinContainment || c[0] > 1 || c[1] < MinContainment || c[1] > 1 {
		t.Errorf("Containment = %v, want [≥%v ≥%v 1]", c, MinContainment, MinContainment)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"content/2024/Port Strike.md", "2024-port-strike"},
		{"content/2024/port-strike.txt", "2024-port-strike"},
		{"content/Election Night -- Results (Final).markdown", "election-night-results-final"},
		{"content/reports/2024.03.05 flood.md", "reports-2024-03-05-flood"},
		{"content/ a.md", "a"},
		{"content/--Recall--.txt", "recall"},
		{"recall.md", "recall"},
		{"content/!!!.md", "source"},
		{"content/.md", "source"},
		{"", "source"},
		{"content/deep/er/still/Flood Report v2.md", "deep-er-still-flood-report-v2"},
	}
	for _, tt := range tests {
		if got := sourceID(tt.path); got != tt.want {
			t.Errorf("sourceID(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestSlugCharacters(t *testing.T) {
	// Whatever the path, an ID is lower-case ASCII letters, digits, and
	// single dashes between them.
	for _, p := range []string{"content/Café Überfall.md", "content/東京 flood.md", "content/ÅÄÖ.txt", "content/2024/Flood—Report.md", "content/a\tb\nc.md"} {
		got := sourceID(p)
		if got == "" || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Errorf("sourceID(%q) = %q: empty or badly dashed", p, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				t.Errorf("sourceID(%q) = %q has %q", p, got, r)
			}
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	// Different stories whose paths slug alike get numbered IDs, in path
	// order; a numbered ID never takes the slug of another file. Sources
	// come sorted by ID, not by path.
	stories := [][]string{floodBody, floodRewrite, recallBody, {"A short unrelated note about a library reopening after repairs to its roof."}, {"Another note: the ferry timetable changes next month for the summer season."}, {"A third note: the museum extends its opening hours on Thursdays from April."}}
	paths := []string{"content/a.md", "content/A.txt", "content/a-2.md", "content/sub/x.md", "content/sub-x.md", "content/Zeta.md"}
	want := map[string]string{
		"content/A.txt":    "a",
		"content/a-2.md":   "a-2",
		"content/a.md":     "a-3",
		"content/sub-x.md": "sub-x",
		"content/sub/x.md": "sub-x-2",
		"content/Zeta.md":  "zeta", // first by path, last by ID
	}
	var in []clean.Article
	for i, p := range paths {
		in = append(in, plain(p, stories[i]...))
	}
	sources := mustGroup(t, in)
	got := map[string]string{}
	var ids []string
	for _, s := range sources {
		got[s.Article.Path] = s.ID
		ids = append(ids, s.ID)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("IDs = %v, want %v", got, want)
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("sources not sorted by ID: %v", ids)
	}
}

func TestGroupEmpty(t *testing.T) {
	if got := mustGroup(t, nil); len(got) != 0 {
		t.Errorf("Group(nil) = %v", got)
	}
}

// generator makes synthetic articles: random sentences over a small
// invented vocabulary, deterministic for a seed.
type generator struct {
	r     *rand.Rand
	vocab []string
}

func newGenerator(seed uint64, vocabSize int) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	syll := []string{"ba", "ko", "ri", "te", "mu", "sa", "lo", "ne", "di", "pu", "va", "ge", "fo", "hi", "zu"}
	seen := map[string]bool{}
	for len(g.vocab) < vocabSize {
		var b strings.Builder
		for range 2 + g.r.IntN(2) {
			b.WriteString(syll[g.r.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	return g
}

func (g *generator) paragraph() string {
	var b strings.Builder
	for s := range 2 + g.r.IntN(2) {
		if s > 0 {
			b.WriteByte(' ')
		}
		n := 8 + g.r.IntN(8)
		for i := range n {
			w := g.vocab[g.r.IntN(len(g.vocab))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		b.WriteByte('.')
	}
	return b.String()
}

// article returns 4 to 6 paragraphs: always more than 64 shingles.
func (g *generator) article(path string) clean.Article {
	n := 4 + g.r.IntN(3)
	paras := make([]string, n)
	for i := range paras {
		paras[i] = g.paragraph()
	}
	return plain(path, paras...)
}

// copyOf returns a copy of a under path, changed in one of the ways a
// republished article is: verbatim, with a paragraph more or less, with
// a few words changed, or with paragraphs joined.
func (g *generator) copyOf(a clean.Article, path string, kind int) clean.Article {
	paras := make([]string, len(a.Blocks))
	for i, b := range a.Blocks {
		paras[i] = b.Text
	}
	switch kind % 5 {
	case 1:
		paras = append(paras, g.paragraph())
	case 2:
		paras = paras[1:]
	case 3:
		for i, p := range paras {
			ws := strings.Fields(p)
			ws[len(ws)/2] = g.vocab[g.r.IntN(len(g.vocab))]
			paras[i] = strings.Join(ws, " ")
		}
	case 4:
		paras = []string{strings.Join(paras[:2], " "), strings.Join(paras[2:], " ")}
	}
	c := plain(path, paras...)
	c.Publisher = "Mirror"
	return c
}

// corpus returns n distinct articles plus a planted copy of every tenth
// one (and a second copy of every fiftieth), shuffled, and the expected
// groups as sets of paths.
func corpus(seed uint64, n int) ([]clean.Article, map[string]string) {
	g := newGenerator(seed, 400)
	var arts []clean.Article
	groupOf := map[string]string{}
	for i := range n {
		a := g.article(fmt.Sprintf("content/gen/%05d.md", i))
		arts = append(arts, a)
		groupOf[a.Path] = a.Path
		if i%10 == 0 {
			c := g.copyOf(a, fmt.Sprintf("content/mirror/%05d.txt", i), i/10)
			arts = append(arts, c)
			groupOf[c.Path] = a.Path
		}
		if i%50 == 0 {
			c := g.copyOf(a, fmt.Sprintf("content/mirror2/%05d.txt", i), i/50+2)
			arts = append(arts, c)
			groupOf[c.Path] = a.Path
		}
	}
	g.r.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	return arts, groupOf
}

func TestGroupPlantedCopies(t *testing.T) {
	const n = 2000
	arts, groupOf := corpus(7, n)
	sources := mustGroup(t, arts)

	got := map[string]string{}
	for _, s := range sources {
		key := groupOf[s.Article.Path]
		got[s.Article.Path] = key
		for _, c := range s.Copies {
			got[c.Path] = key
			if groupOf[c.Path] != key {
				t.Errorf("%s merged with %s", c.Path, s.Article.Path)
			}
		}
	}
	if len(got) != len(arts) {
		t.Fatalf("%d articles in the sources, want %d", len(got), len(arts))
	}
	if len(sources) != n {
		t.Errorf("%d sources, want %d", len(sources), n)
	}
	copies := 0
	for _, s := range sources {
		copies += len(s.Copies)
		want := 0
		for _, k := range groupOf {
			if k == groupOf[s.Article.Path] {
				want++
			}
		}
		if len(s.Copies)+1 != want {
			t.Errorf("source %s has %d members, want %d", s.ID, len(s.Copies)+1, want)
		}
	}
	if want := len(arts) - n; copies != want {
		t.Errorf("%d copies found, want %d", copies, want)
	}
}

func TestGroupDeterministic(t *testing.T) {
	arts, _ := corpus(11, 300)
	first := mustGroup(t, arts)
	ids := make([]string, len(first))
	for i, s := range first {
		ids[i] = s.ID
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("sources not sorted by ID")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for run := range 5 {
		shuffled := append([]clean.Article(nil), arts...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := mustGroup(t, shuffled); !reflect.DeepEqual(again, first) {
			t.Fatalf("run %d with the input shuffled gave other sources", run)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, p := range []string{"content/2024/Port Strike.md", "content/Café Überfall.md", "", "content/!!!.md", "a/b/c.d.e", "content/--x--.txt"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got := sourceID(p)
		if got == "" || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("sourceID(%q) = %q: empty or badly dashed", p, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				t.Fatalf("sourceID(%q) = %q has %q", p, got, r)
			}
		}
		if again := sourceID(p); again != got {
			t.Fatalf("sourceID(%q) = %q, then %q", p, got, again)
		}
	})
}

// FuzzGroup groups random articles: one a line, paragraphs split by '|'.
// Every article must land in exactly one source, IDs must be unique and
// sorted, identical texts with words must merge and texts without words
// must not, each canonical copy must be at least as good as its copies,
// and relations must be symmetric, sorted and point at other sources.
func FuzzGroup(f *testing.F) {
	f.Add(strings.Join(floodBody, "|") + "\n" + strings.Join(floodBody, "|") + "\n" + strings.Join(recallBody, "|"))
	f.Add(strings.Join(floodBody, "|") + "|" + floodExtra + "\n" + strings.Join(floodRewrite, "|"))
	f.Add("a b c\na b c\n\nA B C d")
	f.Fuzz(func(t *testing.T, src string) {
		var in []clean.Article
		for i, l := range strings.Split(src, "\n") {
			var paras []string
			for _, p := range strings.Split(l, "|") {
				if p = strings.TrimSpace(p); p != "" {
					paras = append(paras, p)
				}
			}
			in = append(in, plain(fmt.Sprintf("content/%d.md", i), paras...))
		}
		sources := mustGroup(t, in)
		sourceOf := map[string]int{}
		for si, s := range sources {
			if si > 0 && sources[si-1].ID >= s.ID {
				t.Fatalf("IDs not unique and sorted: %q then %q", sources[si-1].ID, s.ID)
			}
			if len(s.Containment) != len(s.Copies) {
				t.Fatalf("%d containments for %d copies", len(s.Containment), len(s.Copies))
			}
			members := append([]clean.Article{s.Article}, s.Copies...)
			for i, a := range members {
				if _, dup := sourceOf[a.Path]; dup {
					t.Fatalf("%s in two sources", a.Path)
				}
				sourceOf[a.Path] = si
				if i > 0 {
					if c := s.Containment[i-1]; c < 0 || c > 1 {
						t.Fatalf("containment %v", c)
					}
					if better(&s.Copies[i-1], &s.Article) {
						t.Fatalf("copy %s is better than canonical %s", s.Copies[i-1].Path, s.Article.Path)
					}
				}
			}
		}
		if len(sourceOf) != len(in) {
			t.Fatalf("%d articles in sources, want %d", len(sourceOf), len(in))
		}
		sim := map[[2]string]float64{}
		for _, s := range sources {
			for i, r := range s.Related {
				if r.ID == s.ID || r.Similarity < MinRelated || r.Similarity > 1 {
					t.Fatalf("%s related to %s with similarity %v", s.ID, r.ID, r.Similarity)
				}
				if i > 0 && (s.Related[i-1].Similarity < r.Similarity || s.Related[i-1].Similarity == r.Similarity && s.Related[i-1].ID >= r.ID) {
					t.Fatalf("%s: relations not sorted: %v", s.ID, s.Related)
				}
				sim[[2]string{s.ID, r.ID}] = r.Similarity
			}
		}
		for k, v := range sim {
			if back, ok := sim[[2]string{k[1], k[0]}]; !ok || back != v {
				t.Fatalf("%s related to %s (%v) but not back (%v)", k[0], k[1], v, back)
			}
		}
		byText := map[string]string{}
		for _, a := range in {
			if len(words.Split(a.Text())) == 0 {
				if s := sources[sourceOf[a.Path]]; len(s.Copies) > 0 {
					t.Fatalf("%s has no words but is in a source with copies", a.Path)
				}
				continue
			}
			norm := strings.ToLower(strings.Join(strings.Fields(a.Text()), " "))
			if first, ok := byText[norm]; ok && sourceOf[first] != sourceOf[a.Path] {
				t.Fatalf("%s and %s have the same text but were not merged", first, a.Path)
			} else if !ok {
				byText[norm] = a.Path
			}
		}
	})
}

// mustGroup is Group, not cancelled, failing the test on an error.
func mustGroup(tb testing.TB, articles []clean.Article) []Source {
	tb.Helper()
	return mustMemoGroup(tb, nil, articles)
}

// mustMemoGroup is m.Group, not cancelled, failing the test on an error.
func mustMemoGroup(tb testing.TB, m *Memo, articles []clean.Article) []Source {
	tb.Helper()
	sources, err := m.Group(context.Background(), articles)
	if err != nil {
		tb.Fatal(err)
	}
	return sources
}
