package events

import (
	"testing"

	"github.com/timeline-ssg/timeline/internal/config"
)

// sentenceOf makes a sentence of text with its mention judged as
// Extract judges it.
func sentenceOf(text string) Sentence {
	return Sentence{Text: text, Mention: detectMention(text, nil, 0)}
}

// TestStatement checks which invented sentences report speech. Each kind
// has hard cases: a verb of saying that names an action, an attribution
// after a report of its own, a verb of saying inside a relative or
// subordinate clause, a passive.
func TestStatement(t *testing.T) {
	tests := []struct {
		text      string
		statement bool
	}{
		// Statements: a speaker and a verb of saying governing what was said.
		{"Mayor Ilse Brandt said on Tuesday that Ostrow would rebuild the flood barrier.", true},
		{"The water board announced that the Vell dam would reopen on Monday.", true},
		{"“We will not leave our homes,” a resident of Ostrow told reporters.", true},
		{"The river authority warned that the embankment could fail within hours.", true},
		{"Officials urged residents of the lower town to stay indoors.", true},
		{"The quarry's owner denied the allegations in a statement on Friday.", true},
		{"The footbridge will reopen next week, the council said.", true},
		{"According to the water board, repairs will take until the spring.", true},
		{"Opposition councillors called for an independent inquiry into the collapse.", true},
		{"The council announced plans to move the school out of the flood zone.", true},
		{"Rescue workers claim that the dam had not been inspected for years.", true},
		{"The minister assured residents that the levee would hold through the winter.", true},
		{"The council conceded that the warning had come too late.", true},
		{"Engineers cautioned that the bridge could not carry lorries until spring.", true},
		{"The water board responded that the sluices had been opened on time.", true},
		{"Ostrow's mayor acknowledged on Friday that the evacuation had been chaotic.", true},
		// Happenings: the main verb tells what was done or happened.
		{"The water board announced the closure of the Vell dam on Monday.", false},
		{"Police arrested two quarry managers in Ostrow on Saturday.", false},
		{"Two quarry managers were arrested in Ostrow on Saturday, police said.", false},
		{"Rescuers pulled two miners from the flooded shaft of the Vell quarry.", false},
		{"The regional government declared a state of emergency in three districts.", false},
		{"Residents who said they heard the dam crack fled to the hills.", false},
		{"After the mayor announced her resignation, protesters filled the square.", false},
		{"The engineer was told to leave the control room by the police.", false},
		{"A barge called the Hanna sank near the Ostrow bridge on Sunday.", false},
		{"The rescue, confirmed by the water board, has drawn volunteers from across the valley.", false},
		{"The second breach only added to the anger of the residents of Ostrow.", false},
		{"The mayor met the envoy of the United States during a state visit to Ostrow on Monday.", false},
	}
	for _, tt := range tests {
		s := sentenceOf(tt.text)
		if got := Statement(&s); got != tt.statement {
			t.Errorf("Statement(%q) = %v, want %v (cues: %s)", tt.text, got, tt.statement, s.Mention.Cues)
		}
	}
}

// TestKindOf checks that an event is a statement when most of its
// mentions are, a happening on a tie.
func TestKindOf(t *testing.T) {
	said := "Mayor Ilse Brandt said on Tuesday that Ostrow would rebuild the flood barrier."
	urged := "Officials urged residents of the lower town to stay indoors."
	done := "Rescuers pulled two miners from the flooded shaft of the Vell quarry."
	tests := []struct {
		texts []string
		want  string
	}{
		{[]string{said}, KindStatement},
		{[]string{done}, KindHappening},
		{[]string{said, urged, done}, KindStatement},
		{[]string{said, done}, KindHappening},
		{[]string{done, done, said}, KindHappening},
		{nil, KindHappening},
	}
	for _, tt := range tests {
		var sents []Sentence
		var ev Event
		for i, text := range tt.texts {
			sents = append(sents, sentenceOf(text))
			ev.Mentions = append(ev.Mentions, i)
		}
		if got := KindOf(ev, sents); got != tt.want {
			t.Errorf("KindOf(%q) = %s, want %s", tt.texts, got, tt.want)
		}
	}
}

// TestExplainDemo checks on the demo site that every event is explained
// with its pairs of mentions, that every left-out sentence has a reason,
// and that the demo's rewrite (003 retells 004) is found as one report.
func TestExplainDemo(t *testing.T) {
	cfg := config.Default()
	srcs := readSite(t, "../..")
	res := mustExtract(t, srcs, Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource})
	xs := Explain(res, srcs)
	if len(xs) != len(res.Events) {
		t.Fatalf("%d explanations for %d events", len(xs), len(res.Events))
	}
	left := 0
	for i, x := range xs {
		ev := res.Events[i]
		if x.Kind != KindOf(ev, res.Sentences) {
			t.Errorf("%s: kind %q", ev.ID, x.Kind)
		}
		if len(ev.Mentions) > 1 && len(x.Pairs) == 0 {
			t.Errorf("%s: %d mentions and no pair", ev.ID, len(ev.Mentions))
		}
		for _, p := range x.Pairs {
			if p.Cosine <= 0 || p.Cosine > 1.0001 || p.A >= p.B {
				t.Errorf("%s: pair %+v", ev.ID, p)
			}
		}
		for _, l := range x.LeftOut {
			left++
			if l.Reason == "" || l.Detail == "" {
				t.Errorf("%s: left-out sentence %d without a reason: %+v", ev.ID, l.Sentence, l)
			}
		}
	}
	if left == 0 {
		t.Error("no left-out sentence on the demo")
	}
	got, err := Retold(t.Context(), res, len(srcs))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || srcs[got[0][0]].ID != "003_d14195eda22faf5f" || srcs[got[0][1]].ID != "004_28233372321f2534" {
		t.Errorf("Retold = %v, want the demo's rewrite 003/004", got)
	}
}
