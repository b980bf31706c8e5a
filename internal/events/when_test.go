package events

import (
	"testing"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// wednesday is the publication day the background cases resolve against.
var wednesday = temporal.Reference{Date: temporal.DayOf(2023, 9, 13).Start, Known: true}

// backgroundCases: a date held by a clause that tells another, earlier
// event is background to the sentence's own; cue "" marks a date that is
// the sentence's own.
var backgroundCases = []struct {
	text, expr, cue string
}{
	// A pluperfect clause holding the date.
	{"Ms Orvath, who resigned on Monday, had met the envoy in July.", "July", BgPluperfect},
	{"The council had approved the tunnel in 2019 and work began on Monday.", "2019", BgPluperfect},
	{"Investigators had already questioned the pilot on Saturday.", "Saturday", BgPluperfect},
	{"The ferry had been repaired in March before it sank.", "March", BgPluperfect},
	// ... but not reported speech, which puts a simple past in the pluperfect.
	{"Dockers told the Tarnow Echo they had spent Monday unloading by hand.", "Monday", ""},
	{"Police said the two men had been arrested on Tuesday.", "Tuesday", ""},
	{"The agency said the restored system had been tested over the weekend.", "the weekend", ""},
	// ... nor the plan a pluperfect tells of.
	{"Mr Halden had been expected to surrender to the court on Friday.", "Friday", ""},
	// "since" opening a clause of its own.
	{"The general has ruled Vostria since he came to power in 2011.", "2011", BgSince},
	{"Prices have doubled since the mine closed in March.", "March", BgSince},
	{"The party has governed since it won the election of May 2016.", "May 2016", BgSince},
	// ... not "since" before a plain time, the start of the state reported,
	// nor a since-clause that names a day or a recent, relative time: that
	// is the story's own event the state runs from ("since shelling
	// began on Friday").
	{"The terminals have been closed since the early hours of Monday.", "Monday", ""},
	{"Hundreds have died since shelling of Varsk began on Friday.", "Friday", ""},
	{"Oil has leaked into the bay since a tanker ran aground last month.", "last month", ""},
	// "first", "originally", "initially" before a participle.
	{"The Corvane drone, first unveiled in 2019, crashed on Tuesday.", "2019", BgFirst},
	{"The scheme was originally announced in May.", "May", BgFirst},
	{"The virus was initially detected in January.", "January", BgFirst},
	// ... not "the first" of a noun.
	{"The first convoy reached Lenk on Tuesday.", "Tuesday", ""},
	// Relative clauses modifying a noun.
	{"Tributes poured in for Mr Dace, who died last week at 80.", "last week", BgRelative},
	{"Crews reopened the bridge, which collapsed in 2021.", "2021", BgRelative},
	{"Fines reached $9m, a total that includes the $2m imposed last month.", "last month", BgRelative},
	// ... not a "that" clause after a verb of saying.
	{"The ministry said that the dam burst on Monday.", "Monday", ""},
	// Participles modifying a noun.
	{"Divers reached the ship built in 1998 off Cape Morrow.", "1998", BgParticiple},
	{"Rescuers searched the tower damaged in March for survivors.", "March", BgParticiple},
	{"Both envoys condemned the resolution passed on Friday.", "Friday", BgParticiple},
	// ... not a past verb after its subject, nor a participle far from the
	// verb whose object it would modify, nor an adjective in "-ed".
	{"The Harrow Front emerged earlier this year with a video.", "earlier this year", ""},
	{"A UN-brokered truce took hold on Monday.", "Monday", ""},
	{"The meeting was also held on Tuesday in Geneva.", "Tuesday", ""},
	{"Rebels are calling for the governor to go and the bombardment of Lenk intensified on Saturday.", "Saturday", ""},
	// ... not a finite verb after a verb of saying, an auxiliary, a subject or "and".
	{"Officials confirmed the bridge collapsed on Monday.", "Monday", ""},
	{"The two men were arrested on Tuesday.", "Tuesday", ""},
	{"They protested and marched on Monday.", "Monday", ""},
	{"Residents woke to unmarked police vans this morning.", "this morning", ""},
	{"The talks stalled as the government moved Friday to freeze assets.", "Friday", ""},
	// A present perfect does not take a definite past time: the year is a noun's.
	{"A judge has ordered Dr Renk to stand trial over the patient's death in 2009.", "2009", BgPerfect},
	{"The regulator has fined Halvex over a leak in March 2020.", "March 2020", BgPerfect},
	// ... but it does take "this week" and a day in the news lead.
	{"The regulator has fined Halvex this week.", "this week", ""},
	// A plain past clause dates its own event.
	{"The minister resigned on Monday.", "Monday", ""},
	{"The dam burst in 2011, flooding the valley.", "2011", ""},
}

func TestBackgroundCue(t *testing.T) {
	for _, c := range backgroundCases {
		found := false
		var all []string
		for _, e := range temporal.Find(c.text, wednesday) {
			all = append(all, e.Text)
			if e.Text != c.expr {
				continue
			}
			found = true
			if got := backgroundCue(c.text, e); got != c.cue {
				t.Errorf("backgroundCue(%q, %q) = %q, want %q", c.text, c.expr, got, c.cue)
			}
		}
		if !found {
			t.Errorf("%q: no expression %q among %q", c.text, c.expr, all)
		}
	}
}

// bgSentence returns a Sentence of text, with its dates found against
// wednesday.
func bgSentence(src, block int, text string) Sentence {
	return Sentence{Source: src, Block: block, Text: text, Dates: temporal.Find(text, wednesday)}
}

func TestDateSentencesSkipsBackground(t *testing.T) {
	sents := []Sentence{
		// The background year does not date the sentence; Monday does.
		bgSentence(0, 0, "Ms Orvath, who joined the board in 2015, resigned on Monday."),
		// A sentence whose only date is background keeps it as its time
		// for grouping, but marks it so.
		bgSentence(0, 2, "Oil has leaked into the bay from the tanker, which ran aground on Tuesday."),
		// ... and a neighbour does not inherit it (sentence 0 is two
		// paragraphs back).
		bgSentence(0, 2, "Fishermen were told to stay ashore."),
		// A neighbour inherits a date the sentence's own clause gives.
		bgSentence(0, 3, "The tanker was refloated on Monday."),
		bgSentence(0, 3, "Salvage crews worked through the night."),
	}
	dateSentences(sents)
	if got := sents[0].When.ISO(); got != "2023-09-11" || sents[0].WhenBackground() {
		t.Errorf("sentence 0 dated %s (background %v), want 2023-09-11, its own", got, sents[0].WhenBackground())
	}
	if got := sents[1].When.ISO(); got != "2023-09-12" || !sents[1].WhenBackground() {
		t.Errorf("sentence 1 dated %s (background %v), want 2023-09-12 marked background", got, sents[1].WhenBackground())
	}
	if !sents[2].When.IsZero() {
		t.Errorf("sentence 2 inherits %s from a background date", sents[2].When.ISO())
	}
	if got := sents[4].When.ISO(); got != "2023-09-11" || !sents[4].Inherited {
		t.Errorf("sentence 4 dated %s (inherited %v), want 2023-09-11 inherited", got, sents[4].Inherited)
	}
}
