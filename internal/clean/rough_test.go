package clean

import (
	"reflect"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// The tests below are of rough scrapes (see also the fixtures in
// testdata/scrapes): comments laid out in any way, sentences broken
// across paragraphs, decks, excerpts cut off, template widgets. The
// stories are invented.

// quarryBody is a report on a quarry blast, five paragraphs.
var quarryBody = []string{
	"An explosion at the Hollin Edge limestone quarry injured four workers on Monday morning and shook windows in villages up to five kilometres away, the county fire service said.",
	"The blast happened shortly after eight o'clock in a storage building where explosives for the quarry face were kept, and the fire that followed burned for more than two hours.",
	"Two of the injured workers were flown to hospital in the city with serious burns, and the other two were treated at the scene for cuts from broken glass.",
	"The quarry's owner, Pennick Aggregates, said it had stopped all work at the site and would help the health and safety inspectors who arrived in the afternoon.",
	"Residents of the nearest village, Hollin, said they had complained for years about the noise and dust from blasting at the quarry face.",
}

func TestUnquoted(t *testing.T) {
	tests := []struct {
		in       string
		open     bool
		want     string
		wantOpen bool
	}{
		{`"I will not resign," the mayor said.`, false, ` the mayor said.`, false},
		{`“You have my word,” she said.`, false, ` she said.`, false},
		{`"We will rebuild the school.`, false, ``, true},
		{`I told them we would be back by the spring."`, true, ``, false},
		{`"And I mean every word of it," he added.`, true, ` he added.`, false},
		{`we need to look forward," he said.`, false, ` he said.`, false},
		{`I think you are wrong about this.`, false, `I think you are wrong about this.`, false},
	}
	for _, tt := range tests {
		got, open := unquoted(tt.in, tt.open)
		if got != tt.want || open != tt.wantOpen {
			t.Errorf("unquoted(%q, %v) = %q, %v; want %q, %v", tt.in, tt.open, got, open, tt.want, tt.wantOpen)
		}
	}
}

func TestCleanCommentsWithoutStamps(t *testing.T) {
	// Readers' posts run on from the article, no stamps between them.
	posts := []string{
		"I drive past that quarry every day and the dust is unbearable!!",
		"Hope the lads who were hurt pull through. Thoughts with you all.",
		"Why is nobody asking how the explosives were stored???",
		"THIS WAS AN ACCIDENT WAITING TO HAPPEN",
		"You people complaining about dust, where do you think your roads come from?",
	}
	in := article("content/quarry.txt", content.Meta{}, join(siteMenu, quarryBody, posts)...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if got, want := keptLines(out), lines(2, 6); !reflect.DeepEqual(got, want) {
		t.Fatalf("kept lines %v, want %v (the article only)", got, want)
	}
	for l := 7; l <= 11; l++ {
		if r, _ := removal(out, l); !strings.HasPrefix(r.Reason, "a comment") {
			t.Errorf("post on line %d removed for %q, want it called a comment", l, r.Reason)
		}
	}
}

func TestCleanFirstPersonIsNotAComment(t *testing.T) {
	// A reporter's account in the first person, and a quote that runs
	// over paragraphs, are the article's: neither speaks to the reader.
	field := []string{
		"I reached the quarry gate an hour after the blast, as the last fire engines were leaving and a smell of burnt plastic hung over the lane.",
		"A foreman, who asked me not to use his name, said the storage building had been inspected only a month ago.",
		"\"I have worked here for twenty years and I have never seen anything like it.",
		"I thought the whole hillside was coming down on us,\" he said.",
		"My own windows, three kilometres away in Hollin, had rattled in their frames.",
	}
	in := article("content/quarry-field.txt", content.Meta{}, join(siteMenu, quarryBody, field)...)
	out := Clean(in, nil)
	if got, want := keptLines(out), lines(2, 11); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (all of the article)", got, want)
	}
	// A transcript's speakers speak in the first person and to each
	// other throughout.
	transcript := []string{
		"HOST: You were at the quarry this morning. What did you see?",
		"REPORTER: I saw two fire engines and a lot of smoke, and I spoke to a foreman who was very shaken.",
		"HOST: Do you know how the blast started?",
		"REPORTER: Not yet. I asked the owner, and they told me the inspectors will say.",
		"HOST: Thank you for joining us.",
	}
	in = article("content/quarry-transcript.txt", content.Meta{}, join(siteMenu, quarryBody, transcript)...)
	out = Clean(in, nil)
	for _, r := range out.Removed {
		if strings.HasPrefix(r.Reason, "a comment") {
			t.Errorf("transcript line %d removed as a comment: %q", r.Line, r.Text)
		}
	}
}

func TestJoinBroken(t *testing.T) {
	blocks := content.TextBlocks("The fire service said the blast was heard in the\n\nnext valley, and that crews would stay overnight.\n\nPolice closed the road.\n\nCrowds chanted \"Close it now!\"\n\nand \"Safety first!\"\n\nas the owners arrived.\n\nOnce a busy quarry town (remember the strike?)\n\n, it is now a quiet village.\n\nHome | News\n\nmore\n", 1)
	got, _ := joinBroken(blocks, nil)
	want := []string{
		"The fire service said the blast was heard in the next valley, and that crews would stay overnight.",
		"Police closed the road.",
		"Crowds chanted \"Close it now!\" and \"Safety first!\" as the owners arrived.",
		"Once a busy quarry town (remember the strike?) , it is now a quiet village.",
		"Home | News",
		"more",
	}
	var texts []string
	for _, b := range got {
		texts = append(texts, b.Text)
	}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("joined %q,\nwant %q", texts, want)
	}
	if got[0].Line != 1 || got[2].Line != blocks[3].Line {
		t.Errorf("joined blocks start on lines %d and %d, want their first pieces' %d and %d", got[0].Line, got[2].Line, 1, blocks[3].Line)
	}
}

func TestCleanDeckAndCaptionAboveTheLead(t *testing.T) {
	headline := "Four hurt in Hollin Edge quarry blast"
	deck := "An explosion in a storage building injured four workers and shook windows in villages five kilometres away"
	caption := "Smoke rises over the quarry on Monday morning. Photo: Ana Pell"
	in := article("content/deck.txt", content.Meta{}, join(siteMenu, []string{headline, deck, "By Ravi Soames", caption}, quarryBody)...)
	out := Clean(in, nil)
	checkInvariants(t, in, out)
	if got, want := keptLines(out), append([]int{3}, lines(6, 10)...); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (the deck and the article, not the caption)", got, want)
	}
	if out.Title != headline {
		t.Errorf("title %q, want %q", out.Title, headline)
	}
}

func TestCleanCutOffExcerpt(t *testing.T) {
	// The scrape stops in the middle of a sentence: that paragraph is the
	// article's, not chrome after it.
	cut := "Inspectors said they expected to finish their work at the site by the end of the"
	in := article("content/cut.txt", content.Meta{}, join(siteMenu, quarryBody, []string{cut, "Read more", "Share"})...)
	out := Clean(in, nil)
	if got, want := keptLines(out), lines(2, 7); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (with the cut-off paragraph)", got, want)
	}
	// A headline after the article is not a paragraph cut off.
	in = article("content/cut2.txt", content.Meta{}, join(siteMenu, quarryBody, []string{"Quarry owner fined over dust from blasting", "Read more"})...)
	if got, want := keptLines(Clean(in, nil)), lines(2, 6); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (without the headline)", got, want)
	}
}

func TestCleanTemplateWidgetDoesNotSplit(t *testing.T) {
	widget := []string{"{{^userSubscribed}}", "Subscribe to keep reading", "{{/userSubscribed}}"}
	page := join(siteMenu, quarryBody[:2], widget, quarryBody[2:])
	in := article("content/widget.txt", content.Meta{}, page...)
	out := Clean(in, nil)
	if got, want := keptLines(out), append(lines(2, 3), lines(7, 9)...); !reflect.DeepEqual(got, want) {
		t.Errorf("kept lines %v, want %v (both parts, not the widget)", got, want)
	}
	if !widgets(describe(article("x", content.Meta{}, widget...).Blocks, false, nil, nil)) {
		t.Error("widgets: the subscription box is not a widget")
	}
	if widgets(describe(article("x", content.Meta{}, "Most read", "Quarry owner fined over dust").Blocks, false, nil, nil)) {
		t.Error("widgets: a list of other headlines is a widget")
	}
}

func TestSplitWidgets(t *testing.T) {
	tests := []struct{ in, head string }{
		{"BACK {current} of {total} NEXT Mr Hayward said the company would rebuild trust.", "BACK {current} of {total} NEXT"},
		{"BACK {current} of {total} NEXT BP is also resuming work on a relief well.", "BACK {current} of {total} NEXT"},
		{"The {current} reading is shown on the gauge at the quarry gate.", ""},
		{"No template here at all, only a sentence about a quarry.", ""},
	}
	for _, tt := range tests {
		in := []webpage.Block{{Kind: webpage.Paragraph, Text: tt.in, Line: 3}}
		got, _ := splitWidgets(in, nil)
		switch {
		case tt.head == "" && len(got) != 1:
			t.Errorf("%q split into %d blocks, want it whole", tt.in, len(got))
		case tt.head != "" && (len(got) != 2 || got[0].Text != tt.head || got[0].Text+" "+got[1].Text != tt.in || got[1].Line != 3):
			t.Errorf("%q split into %+v, want %q and the rest, on line 3", tt.in, got, tt.head)
		}
	}
}
