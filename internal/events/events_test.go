package events

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// The stories below are invented: a flood in the river town of Ostrow, its
// quarry, its mayor and its rescuers. None of it is taken from a corpus.

// source makes a source published on the given day ("" for none) whose
// paragraphs are the given blocks; a block starting with "## " is a
// heading.
func source(id, published string, blocks ...string) dedup.Source {
	a := clean.Article{Path: "content/" + id + ".md"}
	if published != "" {
		d, err := temporal.ParseDate(published)
		if err != nil {
			panic(err)
		}
		a.Date = d
	}
	for _, b := range blocks {
		if h, ok := strings.CutPrefix(b, "## "); ok {
			a.Blocks = append(a.Blocks, clean.Block{Heading: true, Text: h})
			continue
		}
		a.Blocks = append(a.Blocks, clean.Block{Text: b})
	}
	return dedup.Source{ID: id, Article: a}
}

func TestDetectMention(t *testing.T) {
	tests := []struct {
		text  string
		event bool
		cues  Cues // cues that must be among those found
	}{
		{"Rescuers pulled two miners from the flooded shaft of the Vell quarry on Tuesday.", true, CuePast | CueDate | CueActor},
		{"The mayor will open the new flood barrier in Ostrow next month.", true, CueFuture},
		{"Two men have been arrested over the collapse of the Vell dam.", true, CuePerfect},
		{"Residents are gathering sandbags along the Ostrow embankment this morning.", true, CueOngoing},
		{"Mara Holt, the quarry's owner, told reporters the shaft had been inspected in March.", true, CuePast},
		{"Why did nobody warn the miners?", false, CueQuestion},
		{"The Vell quarry is the largest employer in the valley.", false, CueGeneric},
		{"The flood could change how the valley thinks about its dams.", false, CueHedge},
		{"The decision suggests the council has learned little from the last flood.", false, CueOpinion},
		{"We think the town deserves better answers than this.", false, CuePerson},
		{"“It is a disgrace, and everyone here knows it,” said one resident.", false, CueQuote},
		{"OSTROW: Good evening.", false, CueShort},
		{"BRANDT: The water came up faster than anyone expected last night.", true, CueSpeaker},
		{"Ostrow Herald reporters contributed to this report.", false, CueMeta},
		{"March 3, 2025 at 9:14 pm | Reply", false, CueMeta},
	}
	for _, tt := range tests {
		dates := temporal.Find(tt.text, temporal.Reference{Date: time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC), Known: true})
		m := detectMention(tt.text, dates, 0)
		if m.Event != tt.event || m.Cues&tt.cues != tt.cues {
			t.Errorf("detectMention(%q) = event %v score %.1f cues [%v], want event %v with [%v]", tt.text, m.Event, m.Score, m.Cues, tt.event, tt.cues)
		}
	}
}

func TestAnchored(t *testing.T) {
	ref := temporal.Reference{Date: time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC), Known: true}
	tests := []struct {
		text, expr string
		anchored   bool
	}{
		{"The road has been closed since Monday.", "Monday", true},
		{"Monday's flood destroyed the bridge.", "Monday", true},
		{"Two days later, the water receded.", "Two days later", true},
		{"The water receded on Monday.", "Monday", false},
		{"The barrier stayed shut until Tuesday.", "Tuesday", false},
	}
	for _, tt := range tests {
		found := false
		for _, e := range temporal.Find(tt.text, ref) {
			if strings.Contains(e.Text, tt.expr) {
				found = true
				if got := anchored(tt.text, e); got != tt.anchored {
					t.Errorf("anchored(%q, %q) = %v, want %v", tt.text, e.Text, got, tt.anchored)
				}
			}
		}
		if !found {
			t.Errorf("%q: no expression %q found", tt.text, tt.expr)
		}
	}
}

func TestDateInheritance(t *testing.T) {
	src := source("herald", "2025-03-06",
		"The river burst its banks in Ostrow on Tuesday. Water reached the town hall within an hour. Volunteers filled sandbags.",
		"Mayor Ilya Brandt called for calm. The council had warned about the levee since March.",
		"## Earlier floods",
		"The last comparable flood came in 1998.",
	)
	sents, _ := splitSources(context.Background(), []dedup.Source{src}, nil)
	dateSentences(sents)
	tuesday := temporal.DayOf(2025, 3, 4)
	tests := []struct {
		ord       int
		when      temporal.Date
		inherited bool
		from      int
	}{
		{0, tuesday, false, 0}, // its own "on Tuesday"
		{1, tuesday, true, 0},  // the paragraph's sentence before
		{2, tuesday, true, 0},
		{3, tuesday, true, 0},          // the paragraph before, three sentences back at most
		{4, temporal.Date{}, false, 0}, // "since March" anchors: it dates nothing, inherits nothing
		{5, temporal.Date{}, false, 0}, // after a heading: nothing to inherit
	}
	for _, tt := range tests {
		s := sents[tt.ord]
		if !reflect.DeepEqual(s.When, tt.when) || s.Inherited != tt.inherited || s.Inherited && s.WhenFrom != tt.from {
			t.Errorf("sentence %d %q: When %v inherited %v from %d, want %v %v from %d", tt.ord, s.Text, s.When, s.Inherited, s.WhenFrom, tt.when, tt.inherited, tt.from)
		}
	}
}

func TestGroupPassages(t *testing.T) {
	src := source("herald", "2025-03-06",
		"Rescuers reached the flooded Vell quarry on Wednesday. They pulled two miners from the north shaft. The rescuers also found a third miner alive.",
		"The Vell quarry is the largest employer in the valley.",
		"Meanwhile, the council closed the Ostrow bridge to traffic.",
		"Mayor Ilya Brandt thanked the rescue teams on Thursday. Brandt said the quarry would stay closed.",
	)
	sents, _ := splitSources(context.Background(), []dedup.Source{src}, nil)
	dateSentences(sents)
	if err := weigh(t.Context(), sents); err != nil {
		t.Fatal(err)
	}
	if _, err := groupPassages(t.Context(), sents); err != nil {
		t.Fatal(err)
	}
	want := [][]int{{0, 1, 2}, {3}, {4}, {5, 6}}
	var got [][]int
	for i, s := range sents {
		if i == 0 || s.Passage != sents[i-1].Passage {
			got = append(got, nil)
		}
		got[len(got)-1] = append(got[len(got)-1], i)
	}
	if !reflect.DeepEqual(got, want) {
		for i, s := range sents {
			t.Logf("%d p%d event %v %q", i, s.Passage, s.Mention.Event, s.Text)
		}
		t.Errorf("passages %v, want %v", got, want)
	}
}

// flood is a small invented story told by four sources: a dam breaks on
// Monday 3 March 2025, the mayor declares an emergency on Tuesday, and a
// radio station with no publication date reports the arrest of the dam's
// operator "yesterday".
func flood() []dedup.Source {
	return []dedup.Source{
		source("a-herald", "2025-03-04",
			"The Vell dam collapsed on Monday, flooding the lower town of Ostrow. Water swept through the market square within minutes.",
			"Mayor Ilya Brandt declared a state of emergency on Tuesday morning and asked the army for boats.",
			"The valley has a long history of floods."),
		source("b-courier", "2025-03-05",
			"Floodwater from the collapsed Vell dam swept through Ostrow on Monday, reaching the market square.",
			"On Tuesday, Mayor Ilya Brandt declared a state of emergency for the whole valley.",
			"Police arrested the dam's operator, Tomas Krell, on Wednesday on suspicion of negligence."),
		source("c-wire", "2025-03-06",
			"Police in Ostrow arrested Tomas Krell, who runs the Vell dam, on Wednesday over its collapse.",
			"Krell was questioned about maintenance records for the dam."),
		source("d-radio", "",
			"Yesterday police arrested Tomas Krell, the operator of the Vell dam, on suspicion of negligence. Officers then searched his house in Ostrow.",
			"Brandt said the emergency would last at least a week."),
	}
}

func eventOf(res Result, sourceID string, sources []dedup.Source, fragment string) *Event {
	for i := range res.Events {
		for _, m := range res.Events[i].Mentions {
			s := res.Sentences[m]
			if sources[s.Source].ID == sourceID && strings.Contains(s.Text, fragment) {
				return &res.Events[i]
			}
		}
	}
	return nil
}

func TestExtractFlood(t *testing.T) {
	sources := flood()
	opt := Options{Link: 0.10, SameSource: 0.45}
	res := mustExtract(t, sources, opt)
	collapse := eventOf(res, "a-herald", sources, "dam collapsed")
	emergency := eventOf(res, "a-herald", sources, "state of emergency")
	arrest := eventOf(res, "c-wire", sources, "arrested Tomas Krell")
	if collapse == nil || emergency == nil || arrest == nil {
		t.Fatalf("missing events: collapse %v, emergency %v, arrest %v", collapse != nil, emergency != nil, arrest != nil)
	}
	if collapse == emergency || emergency == arrest || collapse == arrest {
		t.Errorf("events of different days merged")
	}
	if e := eventOf(res, "b-courier", sources, "Floodwater"); e != collapse {
		t.Errorf("the courier's report of the collapse is not in the collapse event")
	}
	if e := eventOf(res, "a-herald", sources, "market square within minutes"); e != collapse {
		t.Errorf("the herald's second sentence is not in its passage's event")
	}
	if e := eventOf(res, "d-radio", sources, "Yesterday police arrested"); e != arrest {
		t.Errorf("the radio's report of the arrest is not in the arrest event")
	}
	if e := eventOf(res, "a-herald", sources, "long history"); e != nil {
		t.Errorf("background became part of an event: %q", e.Title)
	}
	// The radio gives no date; the arrest, dated Wednesday 5 March by two
	// sources, makes its "yesterday" a Thursday 6 March publication:
	// Redate dates the radio's sentence by it, the events unchanged.
	// (chronology.InferPublication infers it; TestInferPublication there.)
	inferred := map[int]temporal.Date{3: temporal.DayOf(2025, 3, 6)}
	redated, err := Redate(context.Background(), res, sources, inferred)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Redate(ctx, res, sources, inferred); err != context.Canceled {
		t.Errorf("Redate with its context cancelled: %v, want context.Canceled", err)
	}
	var radio *Sentence
	for i := range redated.Sentences {
		if s := &redated.Sentences[i]; s.Source == 3 && strings.HasPrefix(s.Text, "Yesterday police arrested") {
			radio = s
		}
	}
	if radio == nil || radio.When != temporal.DayOf(2025, 3, 5) || !reflect.DeepEqual(redated.Inferred, inferred) || !reflect.DeepEqual(redated.Events, res.Events) {
		t.Errorf("Redate: the radio's sentence dated %v, Inferred %v, events changed %v; want 2025-03-05, the inference, the same events",
			radio, redated.Inferred, !reflect.DeepEqual(redated.Events, res.Events))
	}
	for i, s := range res.Sentences {
		if s.Source == 3 && !s.When.IsZero() {
			t.Errorf("Redate changed the result it was given: sentence %d dated %v", i, s.When)
		}
	}
	// A date the radio's next sentence inherits points at the sentence it
	// comes from, in the whole result, not in the radio's own sentences.
	inherits := 0
	for i, s := range redated.Sentences {
		if s.Source != 3 || !s.Inherited {
			continue
		}
		inherits++
		if from := redated.Sentences[s.WhenFrom]; from.Source != 3 || from.When != s.When || s.WhenFrom == i {
			t.Errorf("sentence %d inherits %v from sentence %d of source %d dated %v", i, s.When, s.WhenFrom, from.Source, from.When)
		}
	}
	if inherits == 0 {
		t.Errorf("no sentence of the radio inherits a date: the test shows nothing of WhenFrom")
	}
	for _, e := range res.Events {
		if len([]rune(e.Title)) > maxTitle || e.Title == "" || pronounStart(e.Title) {
			t.Errorf("bad title %q", e.Title)
		}
	}
	if again := mustExtract(t, flood(), opt); !reflect.DeepEqual(again, res) {
		t.Errorf("Extract is not deterministic")
	}
}

func TestSummaryAddsOnlyNewContent(t *testing.T) {
	sents := []Sentence{
		{Source: 0, Text: "Rescuers pulled two miners from the flooded north shaft of the Vell quarry."},
		{Source: 1, Text: "Two miners were pulled from the flooded north shaft of the Vell quarry."},
		{Source: 2, Text: "A third miner was found alive in a side gallery."},
	}
	for i := range sents {
		sents[i].Mention = detectMention(sents[i].Text, nil, 0)
		sents[i].keys = sentenceKeys(sents[i].Text, 0, nil)
	}
	if err := weigh(t.Context(), sents); err != nil {
		t.Fatal(err)
	}
	got := summary(0, leadFirst(summaryOrder([]int{0, 1, 2}, sents), sents, nil), sents, nil)
	if want := []int{2}; !reflect.DeepEqual(got, want) {
		t.Errorf("summary = %v, want %v (the title's sentence and its paraphrase left out)", got, want)
	}
}

func TestClockTime(t *testing.T) {
	for s, want := range map[string]bool{
		"The ferry docked shortly after 1pm.":          true,
		"Staff found the fault at around 3.40am.":      true,
		"The vote was held at 10:30 a.m. local time.":  true,
		"The bells rang at seven o'clock.":             true,
		"The team met the programme's director.":       false,
		"The quarry employs 300 people in the valley.": false,
	} {
		if got := clockTime(s); got != want {
			t.Errorf("clockTime(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestExtractContextStops: a cancelled context stops Extract with its
// error, and one not cancelled gives the same result every time.
func TestExtractContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, flood(), Options{Link: 0.3, SameSource: 0.5}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Extract on a cancelled context: err = %v, want context.Canceled", err)
	}
	got, err := Extract(context.Background(), flood(), Options{Link: 0.3, SameSource: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if want := mustExtract(t, flood(), Options{Link: 0.3, SameSource: 0.5}); !reflect.DeepEqual(got, want) {
		t.Error("two runs of Extract differ")
	}
}

// mustExtract is Extract, not cancelled, failing the test on an error.
func mustExtract(tb testing.TB, sources []dedup.Source, opt Options) Result {
	tb.Helper()
	res, err := Extract(context.Background(), sources, opt)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestNumberWordsShape checks what numberWord relies on to skip most
// words without a lookup: every number word is at least three letters
// long and starts with one of o, t, f, s, e and n.
func TestNumberWordsShape(t *testing.T) {
	for w := range numberWords {
		if len(w) < 3 || !strings.ContainsRune("otfsen", rune(w[0])) {
			t.Errorf("number word %q: numberWord would not look it up", w)
		}
	}
}
