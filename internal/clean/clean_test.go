package clean

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// The articles below are synthetic: made-up stories (a port strike, a
// river flood, a town election, a kettle recall) wrapped in made-up site
// chrome. Each line is one input block, on the line of its index + 1; a
// "# " prefix makes a Markdown heading.

// article builds an input article with one block per line.
func article(path string, meta content.Meta, lines ...string) content.Article {
	a := content.Article{Path: path, Meta: meta, Hash: "hash-" + path}
	for i, l := range lines {
		kind := webpage.Paragraph
		if t, ok := strings.CutPrefix(l, "# "); ok {
			kind, l = webpage.Heading, t
		}
		a.Blocks = append(a.Blocks, webpage.Block{Kind: kind, Text: l, Line: i + 1})
	}
	return a
}

// join concatenates line lists, for building pages out of parts.
func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	siteMenu = []string{
		"Home | World | Sport | Business | Opinion",
	}
	strikeHeadline = "Dockworkers walk out at the port of Lisbon over pay"
	strikeByline   = []string{
		strikeHeadline,
		"IMG_2041 file photo: idle cranes at the container terminal",
		"By Dana Whitfield | 4 min read",
	}
	strikeBody = []string{
		"LISBON, March 3, 2024 – Dockworkers at the port of Lisbon walked off the job on Sunday after talks over pay and shift patterns collapsed, leaving dozens of container ships waiting at anchor outside the harbour.",
		"The union representing the crane operators said its members had not received a pay rise in four years, while the cost of housing near the docks had doubled over the same period.",
		"The port authority called the walkout unlawful and said it would ask a court to order the dockworkers back while mediation continued with the help of the labour ministry.",
		"Shipping lines began diverting vessels to other harbours along the coast, and exporters of cork and wine warned that their cargo could spoil if the strike at the port lasted more than a week.",
	}
	strikeMore = []string{
		"Union leaders said the dockworkers would return to the port only if the authority agreed to binding arbitration over pay and the new shift rota.",
		"Exporters said they were losing millions of euros a day while their containers sat on the quay, and asked the government to step into the strike.",
	}
	trailingChrome = []string{
		"Share this article",
		"Facebook",
		"Sign up for our newsletter",
		"Most read",
		"Council approves new cycle lanes downtown",
		"Local bakery wins regional pastry award",
		"Comments (12)",
		"Log in to join the discussion",
	}
	floodBody = []string{
		"Heavy rain sent the river Wend over its banks in the market town of Ashby Vale overnight, flooding more than two hundred homes and forcing the closure of the main bridge.",
		"Firefighters used boats to reach elderly residents trapped on upper floors, and the council opened the sports hall on the hill as an emergency shelter for families.",
		"Forecasters said more rain was expected over the weekend and warned that the river would not fall below its flood mark until the middle of next week.",
	}
	electionBody = []string{
		"Voters in the town of Oakridge elected a new mayor on Thursday, ending twelve years of rule by the same council coalition after a campaign fought over bus fares and housing.",
		"The winning candidate, a former schoolteacher, took fifty-four percent of the vote and promised to freeze fares for two years while the council reviews the bus contract.",
		"Turnout was the highest in two decades, the election office said, with long queues outside polling stations in the new estates on the edge of town.",
	}
	recallBody = []string{
		"A maker of kitchen appliances recalled forty thousand electric kettles on Tuesday after reports that the base of the model could overheat and scorch worktops.",
		"The company said customers should stop using the kettles at once and return them to the shop where they bought them for a full refund or a replacement.",
		"Safety regulators said they had received nine complaints about the model, including two small fires, and were reviewing how the fault had passed factory testing.",
	}
)

// checkInvariants checks what must hold for every cleaned article: every
// input block is either kept or removed, in input order; kept blocks and
// removals carry their input text verbatim and their input line; every
// removal has a reason; Text and BlockStarts agree.
func checkInvariants(t *testing.T, in content.Article, out Article) {
	t.Helper()
	// Every input block is in one kept or removed block, in order: on its
	// own, or joined with the blocks after it when a sentence was broken
	// across them (their texts with a space between).
	type piece struct {
		line int
		text string
		kept bool
	}
	var pieces []piece
	for _, b := range out.Blocks {
		pieces = append(pieces, piece{b.Line, b.Text, true})
	}
	for _, r := range out.Removed {
		if strings.TrimSpace(r.Reason) == "" {
			t.Errorf("%s: removed line %d (%q) has no reason", in.Path, r.Line, r.Text)
		}
		pieces = append(pieces, piece{r.Line, r.Text, false})
	}
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].line < pieces[j].line })
	prev := 0
	for _, b := range out.Blocks {
		if b.Line < prev {
			t.Errorf("%s: kept blocks out of order: line %d after %d", in.Path, b.Line, prev)
		}
		prev = b.Line
	}
	// The pieces, in order, read the input blocks' texts, joined by a
	// space where a sentence was broken across them and split at a space
	// where a widget ran into a paragraph; each piece is on the line of
	// the input block it starts in.
	var inText, outText strings.Builder
	var inStarts []int
	for i, b := range in.Blocks {
		if i > 0 {
			inText.WriteByte(' ')
		}
		inStarts = append(inStarts, inText.Len())
		inText.WriteString(b.Text)
	}
	for i, p := range pieces {
		if i > 0 {
			outText.WriteByte(' ')
		}
		at := outText.Len()
		outText.WriteString(p.text)
		k := sort.SearchInts(inStarts, at+1) - 1
		if k < 0 || in.Blocks[k].Line != p.line {
			t.Fatalf("%s: block on line %d (%q) does not start in the input block of that line", in.Path, p.line, p.text)
		}
	}
	if inText.String() != outText.String() {
		t.Fatalf("%s: kept and removed blocks read\n%q\nwant the input's\n%q", in.Path, outText.String(), inText.String())
	}
	text := out.Text()
	starts := out.BlockStarts()
	if len(starts) != len(out.Blocks) {
		t.Fatalf("%s: %d block starts for %d blocks", in.Path, len(starts), len(out.Blocks))
	}
	for i, b := range out.Blocks {
		if end := starts[i] + len(b.Text); starts[i] < 0 || end > len(text) || text[starts[i]:end] != b.Text {
			t.Errorf("%s: block %d (line %d) not at its start %d in Text()", in.Path, i, b.Line, starts[i])
		}
	}
}

func keptLines(a Article) []int {
	out := []int{}
	for _, b := range a.Blocks {
		out = append(out, b.Line)
	}
	return out
}

func removal(a Article, line int) (Removal, bool) {
	for _, r := range a.Removed {
		if r.Line == line {
			return r, true
		}
	}
	return Removal{}, false
}

// lines returns the 1-based lines from first to last inclusive.
func lines(first, last int) []int {
	out := []int{}
	for l := first; l <= last; l++ {
		out = append(out, l)
	}
	return out
}

func TestCleanChromeAroundArticle(t *testing.T) {
	page := join(siteMenu, strikeByline, strikeBody, trailingChrome)
	// Lines: 1 menu, 2 headline, 3 caption, 4 byline, 5-8 body, 9-16 chrome.
	tests := []struct {
		name      string
		meta      content.Meta
		wantTitle string
		// titleReason is the reason the headline line was removed with.
		titleReason string
	}{
		{"title from the headline", content.Meta{}, strikeHeadline, "title: the headline above the article"},
		{"front matter title wins", content.Meta{Title: "Port of Lisbon strike: dockers down tools"}, "Port of Lisbon strike: dockers down tools", "before the article: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := article("content/strike.txt", tt.meta, page...)
			out := Clean(in, nil)
			checkInvariants(t, in, out)
			if out.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", out.Title, tt.wantTitle)
			}
			if got, want := keptLines(out), lines(5, 8); !reflect.DeepEqual(got, want) {
				t.Errorf("kept lines %v, want %v", got, want)
			}
			for _, b := range out.Blocks {
				if b.Heading {
					t.Errorf("line %d kept as a heading", b.Line)
				}
			}
			if r, _ := removal(out, 2); !strings.HasPrefix(r.Reason, tt.titleReason) {
				t.Errorf("headline removed with reason %q, want prefix %q", r.Reason, tt.titleReason)
			}
			for _, l := range []int{1, 3, 4} {
				if r, _ := removal(out, l); !strings.HasPrefix(r.Reason, "before the article: ") {
					t.Errorf("line %d (%q) removed with reason %q, want it said to be before the article", l, page[l-1], r.Reason)
				}
			}
			for l := 9; l <= len(page); l++ {
				if r, _ := removal(out, l); !strings.HasPrefix(r.Reason, "after the article: ") {
					t.Errorf("line %d (%q) removed with reason %q, want it said to be after the article", l, page[l-1], r.Reason)
				}
			}
		})
	}
}

func TestCleanTitleNeedsToMatchTheLead(t *testing.T) {
	// The only headline-shaped line above the article is about something
	// else (a promoted story): it must not become the title.
	in := article("content/strike.txt", content.Meta{}, join(
		siteMenu,
		[]string{"Council approves new cycle lanes downtown", "By Dana Whitfield | 4 min read"},
		strikeBody,
	)...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if out.Title != "" {
		t.Errorf("Title = %q, want none: the only headline does not cover the lead", out.Title)
	}
	if got, want := keptLines(out), lines(4, 7); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v", got, want)
	}
}

func TestCleanMarkdownHeadingAsTitle(t *testing.T) {
	in := article("content/recall.md", content.Meta{}, join(
		[]string{"Home | News | Money | Tech", "# Electric kettles recalled over overheating base"},
		recallBody,
	)...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if want := "Electric kettles recalled over overheating base"; out.Title != want {
		t.Errorf("Title = %q, want %q", out.Title, want)
	}
	if got, want := keptLines(out), lines(3, 5); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v", got, want)
	}
}

func TestCleanDateline(t *testing.T) {
	rest := " Dockworkers at the port walked off the job after talks over pay and shift patterns collapsed, leaving dozens of container ships waiting at anchor."
	frontDate := content.Meta{Date: time.Date(2024, time.March, 5, 0, 0, 0, 0, time.UTC), HasDate: true, DateOnly: true}
	tests := []struct {
		name     string
		meta     content.Meta
		lead     string
		dateline Dateline
		date     temporal.Date
		dateFrom string
	}{
		{
			name:     "place and date",
			lead:     "LISBON, March 3, 2024 –" + rest,
			dateline: Dateline{Text: "LISBON, March 3, 2024", Place: "LISBON", Date: temporal.DayOf(2024, time.March, 3)},
			date:     temporal.DayOf(2024, time.March, 3),
			dateFrom: "dateline",
		},
		{
			name:     "agency without a date",
			lead:     "NAIROBI (Reuters) -" + rest,
			dateline: Dateline{Text: "NAIROBI (Reuters)", Place: "NAIROBI"},
		},
		{
			name:     "front matter date wins",
			meta:     frontDate,
			lead:     "LISBON, March 3, 2024 –" + rest,
			dateline: Dateline{Text: "LISBON, March 3, 2024", Place: "LISBON", Date: temporal.DayOf(2024, time.March, 3)},
			date:     temporal.DayOf(2024, time.March, 5),
			dateFrom: "front matter",
		},
		{
			name:     "front matter date and no dateline",
			meta:     frontDate,
			lead:     "Dockworkers at the port of Lisbon walked off the job on Sunday after talks over pay and shift patterns collapsed.",
			date:     temporal.DayOf(2024, time.March, 5),
			dateFrom: "front matter",
		},
		{
			name:     "month and day without a year dates nothing",
			lead:     "LISBON, March 3 —" + rest,
			dateline: Dateline{Text: "LISBON, March 3", Place: "LISBON"},
		},
		{
			name:     "place with region, day before month",
			lead:     "PORTO ALEGRE, Brazil, 3 March 2024 —" + rest,
			dateline: Dateline{Text: "PORTO ALEGRE, Brazil, 3 March 2024", Place: "PORTO ALEGRE, Brazil", Date: temporal.DayOf(2024, time.March, 3)},
			date:     temporal.DayOf(2024, time.March, 3),
			dateFrom: "dateline",
		},
		{
			name: "no dateline",
			lead: "Dockworkers at the port of Lisbon walked off the job on Sunday after talks over pay and shift patterns collapsed.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := article("content/strike.txt", tt.meta, join(siteMenu, []string{tt.lead}, strikeBody[1:])...)
			out := Clean(in, nil)
			checkInvariants(t, in, out)
			if got, want := keptLines(out), lines(2, 5); !reflect.DeepEqual(got, want) {
				t.Fatalf("kept lines %v, want %v", got, want)
			}
			if !reflect.DeepEqual(out.Dateline, tt.dateline) {
				t.Errorf("Dateline = %+v, want %+v", out.Dateline, tt.dateline)
			}
			if !reflect.DeepEqual(out.Date, tt.date) || out.DateFrom != tt.dateFrom {
				t.Errorf("Date = %v from %q, want %v from %q", out.Date, out.DateFrom, tt.date, tt.dateFrom)
			}
			if out.Blocks[0].Text != tt.lead {
				t.Errorf("lead paragraph changed: %q", out.Blocks[0].Text)
			}
		})
	}
}

func TestCleanDatelineOnlyFromTheFirstParagraph(t *testing.T) {
	// A later paragraph that happens to open like a dateline says nothing
	// about where and when the article was filed.
	in := article("content/strike.txt", content.Meta{}, join(
		siteMenu,
		strikeBody[1:],
		[]string{"LISBON, March 3, 2024 – " + strikeBody[1]},
	)...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if out.Dateline != (Dateline{}) || !out.Date.IsZero() || out.DateFrom != "" {
		t.Errorf("Dateline = %+v, Date = %v from %q; want none", out.Dateline, out.Date, out.DateFrom)
	}
}

func TestFindDateline(t *testing.T) {
	tests := []struct {
		in    string
		ok    bool
		text  string
		place string
		date  string // ISO, "" for none
	}{
		{"LISBON, March 3, 2024 – The strike began.", true, "LISBON, March 3, 2024", "LISBON", "2024-03-03"},
		{"NAIROBI (Reuters) - The strike began.", true, "NAIROBI (Reuters)", "NAIROBI", ""},
		{"WELLINGTON (AP) — The strike began.", true, "WELLINGTON (AP)", "WELLINGTON", ""},
		{"OSLO, Sept 11 (Wire) - The strike began.", true, "OSLO, Sept 11 (Wire)", "OSLO", ""},
		{"OSLO, Sept. 11, 2025 (Wire) - The strike began.", true, "OSLO, Sept. 11, 2025 (Wire)", "OSLO", "2025-09-11"},
		{"ST. JOHN'S, Canada, 14 Feb 2022 – The strike began.", true, "ST. JOHN'S, Canada, 14 Feb 2022", "ST. JOHN'S, Canada", "2022-02-14"},
		{"SAO PAULO — The strike began.", true, "SAO PAULO", "SAO PAULO", ""},
		{"Lisbon, March 3, 2024 – The strike began.", false, "", "", ""},
		{"The strike began in LISBON – and spread.", false, "", "", ""},
		{"LISBON, March 3, 2024 The strike began.", false, "", "", ""},
		{"", false, "", "", ""},
	}
	for _, tt := range tests {
		dl, ok := FindDateline(tt.in)
		if ok != tt.ok {
			t.Errorf("FindDateline(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, dl)
			continue
		}
		if dl.Text != tt.text || dl.Place != tt.place || dl.Date.ISO() != tt.date {
			t.Errorf("FindDateline(%q) = {%q %q %q}, want {%q %q %q}", tt.in, dl.Text, dl.Place, dl.Date.ISO(), tt.text, tt.place, tt.date)
		}
		if ok && !strings.HasPrefix(tt.in, dl.Text) {
			t.Errorf("FindDateline(%q).Text = %q is not the start of the paragraph", tt.in, dl.Text)
		}
	}
}

func TestCleanAppendedStory(t *testing.T) {
	tests := []struct {
		name  string
		other []string
	}{
		{"flood", floodBody},
		{"election", electionBody},
		{"recall", recallBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chrome := []string{"Share this article", "Most read", "Sign up for our newsletter"}
			page := join(siteMenu, strikeByline, strikeBody, chrome, tt.other)
			firstOther := len(page) - len(tt.other) + 1
			in := article("content/strike.txt", content.Meta{}, page...)
			out := Clean(in, nil)
			checkInvariants(t, in, out)
			if got, want := keptLines(out), lines(5, 8); !reflect.DeepEqual(got, want) {
				t.Errorf("kept lines %v, want %v (the strike only)", got, want)
			}
			for l := firstOther; l <= len(page); l++ {
				r, ok := removal(out, l)
				if !ok {
					continue // reported above
				}
				if !strings.HasPrefix(r.Reason, "another story") {
					t.Errorf("line %d of the other story removed with reason %q, want it called another story", l, r.Reason)
				}
			}
			if out.Title != strikeHeadline {
				t.Errorf("Title = %q, want %q", out.Title, strikeHeadline)
			}
		})
	}
}

func TestCleanAppendedStoryBeforeTheArticle(t *testing.T) {
	// A promoted story above the article, cut off by chrome. The front
	// matter title says which run of prose the page is about.
	page := join(floodBody, []string{"Advertisement", "Most read", "IMG_0087 file photo"}, strikeBody, strikeMore)
	in := article("content/strike.txt", content.Meta{Title: "Dockworkers walk out at the port of Lisbon over pay"}, page...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if got, want := keptLines(out), lines(7, 12); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (the strike only)", got, want)
	}
	for l := 1; l <= 3; l++ {
		if r, _ := removal(out, l); !strings.HasPrefix(r.Reason, "another story") {
			t.Errorf("flood line %d removed with reason %q, want it called another story", l, r.Reason)
		}
	}
}

func TestCleanTitlePicksTheArticle(t *testing.T) {
	// A short article, then chrome, then a longer story about something
	// else. The front matter title says which one the page is.
	page := join(siteMenu, strikeByline, strikeBody[:2], []string{"Share this article", "Most read"}, floodBody)
	in := article("content/strike.txt", content.Meta{Title: strikeHeadline}, page...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if got, want := keptLines(out), lines(5, 6); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (the strike only)", got, want)
	}
	for l := 9; l <= 11; l++ {
		if r, _ := removal(out, l); !strings.HasPrefix(r.Reason, "another story") {
			t.Errorf("flood line %d removed with reason %q, want it called another story", l, r.Reason)
		}
	}
}

func TestCleanShortArticleBeforeLongerStory(t *testing.T) {
	page := join(siteMenu, strikeByline, strikeBody[:2], []string{"Share this article", "Most read"}, floodBody)
	in := article("content/strike.txt", content.Meta{}, page...)
	out := Clean(in, nil)
	if got, want := keptLines(out), lines(5, 6); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (the strike, under its headline)", got, want)
	}
	if out.Title != strikeHeadline {
		t.Errorf("Title = %q, want %q", out.Title, strikeHeadline)
	}
}

func TestCleanMenuIsNotTheTitle(t *testing.T) {
	in := article("content/flood.txt", content.Meta{}, join([]string{"Home | News | Sport | Weather"}, floodBody)...)
	out := Clean(in, nil)
	if out.Title != "" {
		t.Errorf("Title = %q, want none: the page has no headline", out.Title)
	}
}

func TestCleanContinuation(t *testing.T) {
	tests := []struct {
		name string
		// between goes between the article's body and its continuation.
		between []string
		// keptBetween lists which of the between lines are kept: as
		// headings, unless they end like a sentence.
		keptBetween []bool
		// reason is the reason the others are removed with.
		reason string
	}{
		{"subheading line", []string{"What the strike means for exporters"}, []bool{true}, ""},
		{"markdown subheading", []string{"# Exporters count the cost"}, []bool{true}, ""},
		{"quote broken into paragraphs", []string{"\"It is a disgrace."}, []bool{true}, ""},
		{"lone chrome line", []string{"Advertisement"}, []bool{false}, "site chrome: a short line that is not a sentence, inside the article"},
		{"unrelated one-line promo", []string{"Bakery crowned best in the county"}, []bool{false}, "site chrome: a short line that is not a sentence, inside the article"},
		{"photo caption and advert", []string{"IMG_3310 file photo", "Advertisement"}, []bool{false, false}, "between parts of the article: a short line that is not a sentence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := join(siteMenu, strikeByline, strikeBody, tt.between, strikeMore, trailingChrome)
			in := article("content/strike.md", content.Meta{}, page...)
			out := Clean(in, nil)
			checkInvariants(t, in, out)
			want := lines(5, 8)
			first := 9
			for i, k := range tt.keptBetween {
				if k {
					want = append(want, first+i)
				}
			}
			cont := first + len(tt.between)
			want = append(want, cont, cont+1)
			if got := keptLines(out); !reflect.DeepEqual(got, want) {
				t.Fatalf("kept lines %v, want %v", got, want)
			}
			for _, b := range out.Blocks {
				isBetween := b.Line >= first && b.Line < cont && !endsLikeSentence(b.Text)
				if b.Heading != isBetween {
					t.Errorf("line %d (%q) Heading = %v, want %v", b.Line, b.Text, b.Heading, isBetween)
				}
			}
			for i, k := range tt.keptBetween {
				if k {
					continue
				}
				if r, _ := removal(out, first+i); r.Reason != tt.reason {
					t.Errorf("line %d (%q) removed with reason %q, want %q", first+i, tt.between[i], r.Reason, tt.reason)
				}
			}
		})
	}
}

func TestCleanPromoSharingOneCommonWord(t *testing.T) {
	promo := "Council approves new cycle lanes downtown"
	page := join(siteMenu, strikeByline, strikeBody, []string{promo}, strikeMore)
	in := article("content/strike.txt", content.Meta{}, page...)
	out := Clean(in, nil)
	if _, ok := removal(out, 9); !ok {
		t.Errorf("promo %q kept as a heading of the strike article; kept lines %v", promo, keptLines(out))
	}
}

// chromeLine is a short, well-formed sentence: on its own it looks like
// part of the article, so only repetition across the site gives it away.
const chromeLine = "Our reporters are following this story closely."

// withLine inserts line after the first paragraph of body.
func withLine(body []string, line string) []string {
	return join(siteMenu, body[:1], []string{line}, body[1:])
}

func TestCleanCorpusRepetition(t *testing.T) {
	strike := article("content/strike.txt", content.Meta{}, withLine(strikeBody, chromeLine)...)
	flood := article("content/flood.txt", content.Meta{}, withLine(floodBody, chromeLine)...)
	election := article("content/election.txt", content.Meta{}, withLine(electionBody, chromeLine)...)
	recall := article("content/recall.txt", content.Meta{}, withLine(recallBody, chromeLine)...)
	plainFlood := article("content/flood.txt", content.Meta{}, join(siteMenu, floodBody)...)
	plainElection := article("content/election.txt", content.Meta{}, join(siteMenu, electionBody)...)
	plainRecall := article("content/recall.txt", content.Meta{}, join(siteMenu, recallBody)...)
	copyOf := func(a content.Article, path string) content.Article {
		a.Path = path
		return a
	}
	tests := []struct {
		name    string
		corpus  []content.Article
		removed bool
		reason  string
	}{
		{"in four different articles", []content.Article{strike, flood, election, recall}, true, "site chrome: the same line is in "},
		{"in three different articles", []content.Article{strike, flood, election, plainRecall}, true, "site chrome: the same line is in "},
		{"in two different articles", []content.Article{strike, flood, plainElection, plainRecall}, false, ""},
		{"in one article", []content.Article{strike, plainFlood, plainElection, plainRecall}, false, ""},
		{"in three copies of one story", []content.Article{strike, copyOf(strike, "content/a.txt"), copyOf(strike, "content/b.txt"), plainFlood}, false, ""},
		{"no corpus", nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var corpus *Corpus
			if tt.corpus != nil {
				corpus = mustCorpus(t, tt.corpus)
			}
			out := Clean(strike, corpus)
			checkInvariants(t, strike, out)
			want := []int{2, 3, 4, 5, 6}
			if tt.removed {
				want = []int{2, 4, 5, 6}
			}
			if got := keptLines(out); !reflect.DeepEqual(got, want) {
				t.Fatalf("kept lines %v, want %v", got, want)
			}
			if tt.removed {
				if r, _ := removal(out, 3); !strings.HasPrefix(r.Reason, tt.reason) {
					t.Errorf("reason %q, want prefix %q", r.Reason, tt.reason)
				}
			}
		})
	}
}

func TestCleanCorpusReasonCountsOtherArticles(t *testing.T) {
	strike := article("content/strike.txt", content.Meta{}, withLine(strikeBody, chromeLine)...)
	flood := article("content/flood.txt", content.Meta{}, withLine(floodBody, chromeLine)...)
	election := article("content/election.txt", content.Meta{}, withLine(electionBody, chromeLine)...)
	out := Clean(strike, mustCorpus(t, []content.Article{strike, flood, election}))
	if r, _ := removal(out, 3); !strings.HasPrefix(r.Reason, "site chrome: the same line is in 2 other articles") {
		t.Errorf("reason %q, want the 2 other articles", r.Reason)
	}
}

func TestCleanCorpusChromeByShape(t *testing.T) {
	// A line that looks like chrome is removed even when no other article
	// carries it; a repeated line that is long prose is not chrome.
	quote := "The dispute has shown how much the whole region depends on a single harbour, and the port authority and the union must both give ground, the mayor said."
	strike := article("content/strike.txt", content.Meta{}, join(siteMenu, strikeBody[:2], []string{"Advertisement"}, strikeBody[2:], []string{quote})...)
	others := []content.Article{
		article("content/flood.txt", content.Meta{}, join(siteMenu, floodBody, []string{quote})...),
		article("content/election.txt", content.Meta{}, join(siteMenu, electionBody, []string{quote})...),
		article("content/recall.txt", content.Meta{}, join(siteMenu, recallBody, []string{quote})...),
	}
	out := Clean(strike, mustCorpus(t, append(others, strike)))
	checkInvariants(t, strike, out)
	if got, want := keptLines(out), []int{2, 3, 5, 6, 7}; !reflect.DeepEqual(got, want) {
		t.Fatalf("kept lines %v, want %v", got, want)
	}
	if r, _ := removal(out, 4); r.Reason != "site chrome: a short line that is not a sentence, inside the article" {
		t.Errorf("Advertisement removed with reason %q", r.Reason)
	}
	if r, _ := removal(out, 1); !strings.Contains(r.Reason, "the same line is in ") {
		t.Errorf("site menu removed with reason %q, want the repetition named", r.Reason)
	}
}

func TestCleanNoArticle(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"chrome only", join(siteMenu, []string{"Share this article", "Most read", "Comments (0)"})},
		{"empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := article("content/empty.txt", content.Meta{}, tt.lines...)
			out := Clean(in, nil)
			checkInvariants(t, in, out)
			if len(out.Blocks) != 0 || out.Text() != "" {
				t.Errorf("kept %v", keptLines(out))
			}
			for _, r := range out.Removed {
				if r.Reason != "no running text in the file" {
					t.Errorf("line %d removed with reason %q", r.Line, r.Reason)
				}
			}
		})
	}
}

func TestCleanCopiesMeta(t *testing.T) {
	meta := content.Meta{
		Title:     "Port strike",
		Publisher: "Harbour Gazette",
		Author:    "Dana Whitfield",
		URL:       "https://gazette.example/strike",
		Tags:      []string{"ports", "labour"},
	}
	in := article("content/2024/strike.md", meta, strikeBody...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if out.Path != in.Path || out.Hash != in.Hash || out.Title != meta.Title || out.Publisher != meta.Publisher ||
		out.Author != meta.Author || out.URL != meta.URL || !reflect.DeepEqual(out.Tags, meta.Tags) {
		t.Errorf("metadata not carried over: %+v", out)
	}
}

func TestTextAndBlockStarts(t *testing.T) {
	a := Article{Blocks: []Block{
		{Text: "Dockers strike."},
		{Heading: true, Text: "What next"},
		{Text: "Talks résumé on Monday — maybe."},
	}}
	want := "Dockers strike.\n\nWhat next\n\nTalks résumé on Monday — maybe."
	if got := a.Text(); got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if got, want := a.BlockStarts(), []int{0, 17, 28}; !reflect.DeepEqual(got, want) {
		t.Errorf("BlockStarts() = %v, want %v", got, want)
	}
	var empty Article
	if empty.Text() != "" || len(empty.BlockStarts()) != 0 {
		t.Errorf("empty article: Text %q, starts %v", empty.Text(), empty.BlockStarts())
	}
}

// FuzzClean cleans random block lists. Each input line is a block; a line
// starting with '#' is a heading. It checks that cleaning never panics,
// accounts for every block, and keeps text verbatim.
func FuzzClean(f *testing.F) {
	f.Add(strings.Join(join(siteMenu, strikeByline, strikeBody, trailingChrome, floodBody), "\n"), false)
	f.Add(strings.Join(join(siteMenu, strikeBody[:2], []string{"# Exporters count the cost"}, strikeMore), "\n"), true)
	f.Add(strings.Join(withLine(electionBody, chromeLine), "\n"), true)
	f.Add("NAIROBI (Reuters) - A.\n\n#\n.", false)
	f.Add("LISBON, March 3, 2024 –", true)
	f.Add("", false)
	f.Fuzz(func(t *testing.T, src string, withCorpus bool) {
		in := content.Article{Path: "content/fuzz.txt"}
		for i, l := range strings.Split(src, "\n") {
			kind := webpage.Paragraph
			if t, ok := strings.CutPrefix(l, "#"); ok {
				kind, l = webpage.Heading, t
			}
			in.Blocks = append(in.Blocks, webpage.Block{Kind: kind, Text: l, Line: i + 1})
		}
		var corpus *Corpus
		if withCorpus {
			// The same text under three paths with rotated blocks, so
			// lines repeat under different leads.
			arts := []content.Article{in}
			for r := 1; r < 3 && r < len(in.Blocks); r++ {
				b := append(append([]webpage.Block(nil), in.Blocks[r:]...), in.Blocks[:r]...)
				arts = append(arts, content.Article{Path: fmt.Sprintf("content/fuzz%d.txt", r), Blocks: b})
			}
			corpus = mustCorpus(t, arts)
		}
		out := Clean(in, corpus)
		checkInvariants(t, in, out)
	})
}

func TestCleanListInsideArticle(t *testing.T) {
	// A list the article introduces with a lead-in line is the article's,
	// between its paragraphs or at its end; a list of other headlines
	// after it, even introduced, is not.
	leadIn := "The union set out its demands:"
	items := []string{
		"• a pay rise for crane operators in line with housing costs;",
		"• an end to split shifts on the container quay;",
		"• binding arbitration over the new rota.",
	}
	promo := []string{
		"You might also like these stories:",
		"• Council approves new cycle lanes downtown",
		"• Local bakery wins regional pastry award",
	}
	tests := []struct {
		name string
		page []string
		want []int
	}{
		{"between paragraphs", join(siteMenu, strikeBody[:2], []string{leadIn}, items, strikeBody[2:], trailingChrome), lines(2, 9)},
		{"at the end", join(siteMenu, strikeBody, []string{leadIn}, items, trailingChrome), lines(2, 9)},
		{"markdown list items", join(siteMenu, strikeBody[:2], []string{leadIn, "- a pay rise for crane operators;", "- binding arbitration over the rota."}, strikeBody[2:]), lines(2, 8)},
		{"headlines after the article", join(siteMenu, strikeBody, promo), lines(2, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := article("content/strike.txt", content.Meta{}, tt.page...)
			if tt.name == "markdown list items" {
				for i := range in.Blocks {
					if s, ok := strings.CutPrefix(in.Blocks[i].Text, "- "); ok {
						in.Blocks[i].Kind, in.Blocks[i].Text = webpage.ListItem, s
					}
				}
			}
			out := Clean(in, nil)
			checkInvariants(t, in, out)
			if got := keptLines(out); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("kept lines %v, want %v", got, tt.want)
			}
			for _, b := range out.Blocks {
				if b.Heading {
					t.Errorf("line %d (%q) kept as a heading", b.Line, b.Text)
				}
			}
		})
	}
}

func TestCleanCommentsBelowTimeStamps(t *testing.T) {
	// Readers' comments are well-formed sentences on the article's subject;
	// the time stamp over each gives them away.
	comments := []string{
		"Comments (3)",
		"harbourdad77",
		"2 hours ago",
		"The dockworkers are right, nobody can pay rent near the port on those wages any more.",
		"Reply · 14",
		"quayside_sue",
		"September 12, 2024 at 9:14 pm",
		"Exporters will suffer most from this strike at the port, and the government should step in now before it is too late.",
		"Reply",
	}
	page := join(siteMenu, strikeByline, strikeBody, []string{"Share this article", "Facebook"}, comments)
	in := article("content/strike.txt", content.Meta{}, page...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if got, want := keptLines(out), lines(5, 8); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v", got, want)
	}
	for _, l := range []int{14, 18} {
		if r, _ := removal(out, l); !strings.HasPrefix(r.Reason, "a comment or another post") {
			t.Errorf("comment on line %d removed with reason %q", l, r.Reason)
		}
	}
}

func TestCleanContinuationAfterDatedCaption(t *testing.T) {
	// A photo caption with a date inside the article is no time stamp: the
	// paragraphs after it are still the article.
	page := join(siteMenu, strikeBody, []string{"Idle cranes at the container terminal in Lisbon, March 3, 2024", "Advertisement"}, strikeMore)
	in := article("content/strike.txt", content.Meta{}, page...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if got, want := keptLines(out), []int{2, 3, 4, 5, 8, 9}; !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v", got, want)
	}
}

func TestCleanCaptionIsNotTheTitle(t *testing.T) {
	// The caption names more of the lead's words than the headline does,
	// but a line with a sentence break and a credit is no headline.
	caption := "Dockworkers walk off the job at the port of Lisbon on Sunday. Photo: D. Whitfield"
	in := article("content/strike.txt", content.Meta{}, join(siteMenu, []string{strikeHeadline, caption}, strikeBody)...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if out.Title != strikeHeadline {
		t.Errorf("Title = %q, want %q", out.Title, strikeHeadline)
	}
}

func TestCleanRepeatedHeadlineIsStillTheTitle(t *testing.T) {
	// Sites list their headlines on their other pages, so an article's own
	// headline can be a line repeated across the site.
	withHeadlines := func(path, headline string, body []string) content.Article {
		return article(path, content.Meta{}, join(siteMenu, []string{headline}, body,
			[]string{"Most read", strikeHeadline, "River Wend floods Ashby Vale", "Oakridge elects a new mayor"})...)
	}
	strike := withHeadlines("content/strike.txt", strikeHeadline, strikeBody)
	corpus := mustCorpus(t, []content.Article{
		strike,
		withHeadlines("content/flood.txt", "River Wend floods Ashby Vale", floodBody),
		withHeadlines("content/election.txt", "Oakridge elects a new mayor", electionBody),
		withHeadlines("content/recall.txt", "Forty thousand kettles recalled", recallBody),
	})
	out := Clean(strike, corpus)
	checkInvariants(t, strike, out)
	if out.Title != strikeHeadline {
		t.Errorf("Title = %q, want %q", out.Title, strikeHeadline)
	}
	if got, want := keptLines(out), lines(3, 6); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v", got, want)
	}
}

func TestCorpusLeadSkipsSiteNotices(t *testing.T) {
	// Every page of the site opens with the same long cookie notice. It is
	// no page's lead, so a short line on three pages still counts as
	// repeated under three different leads.
	notice := "We use cookies to give you the best experience on our website. If you continue without changing your settings, we will assume that you are happy to receive all cookies."
	page := func(path string, body []string) content.Article {
		return article(path, content.Meta{}, join([]string{notice}, withLine(body, chromeLine))...)
	}
	strike := page("content/strike.txt", strikeBody)
	corpus := mustCorpus(t, []content.Article{strike, page("content/flood.txt", floodBody), page("content/election.txt", electionBody)})
	if got := corpus.repeats(chromeLine); got != 3 {
		t.Errorf("repeats(%q) = %d, want 3", chromeLine, got)
	}
	out := Clean(strike, corpus)
	checkInvariants(t, strike, out)
	if r, ok := removal(out, 4); !ok || !strings.HasPrefix(r.Reason, "site chrome: the same line is in ") {
		t.Errorf("repeated line kept or removed with reason %q", r.Reason)
	}
}

// mustCorpus is NewCorpus, not cancelled, failing the test on an error.
func mustCorpus(tb testing.TB, articles []content.Article) *Corpus {
	tb.Helper()
	c, err := NewCorpus(context.Background(), articles)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
