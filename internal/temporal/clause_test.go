package temporal

import "testing"

// clauseCases check that an open expression takes its direction from the
// clause that governs it, the nearest verb before it, not from a verb
// elsewhere in the sentence. Thu is a Thursday, W a Wednesday.
const Thu = "2023-09-14"

var clauseCases = []struct {
	text, ref, expr, iso string
}{
	// A future marker before the expression holds against a reporting verb after it.
	{"The convoy is expected to arrive Friday, officials said.", Thu, "Friday", "2023-09-15"},
	{"The barge will dock Friday, the port authority said.", Thu, "Friday", "2023-09-15"},
	{"The ferry is scheduled to sail on Friday, a spokesman said.", Thu, "Friday", "2023-09-15"},
	{"The minister plans to visit Orlavia on Friday, aides said.", Thu, "Friday", "2023-09-15"},
	{"The mayor is set to open the bridge on Friday, her office said.", Thu, "Friday", "2023-09-15"},
	{"The report, due to reach parliament Friday, was leaked.", Thu, "Friday", "2023-09-15"},
	{"The inquiry, to be held Friday, drew complaints.", Thu, "Friday", "2023-09-15"},
	// A progressive or a participle that opens a clause is present: the nearer day.
	{"The convoy is arriving Friday, officials said.", Thu, "Friday", "2023-09-15"},
	{"The convoy, arriving Friday, carries grain for Varsk.", Thu, "Friday", "2023-09-15"},
	{"Officials said the grain convoy is arriving Friday.", Thu, "Friday", "2023-09-15"},
	// ... unless a finite past verb governs the participle.
	{"The team flew home to Dunmere, arriving Tuesday.", Thu, "Tuesday", "2023-09-12"},
	// A past verb whose object carries the weekday is past, whatever follows.
	{"The protest followed an announcement by the ministry on Monday that fares will rise.", W, "Monday", "2023-09-11"},
	{"Crowds gathered after the council announced on Monday that it would shut the mill.", W, "Monday", "2023-09-11"},
	{"The strike began on Tuesday, and unions say it will last a month.", W, "Tuesday", "2023-09-12"},
	// A relative clause in the past before a future main verb keeps its own tense.
	{"Mr Tallis, who resigned in March, will testify on Friday.", W, "March", "2023-03"},
	{"The envoy, who arrived on Tuesday, will meet rebels next week.", Thu, "Tuesday", "2023-09-12"},
	// With no verb before it, the clause after the expression decides.
	{"On Friday, the court will hear the appeal.", Thu, "Friday", "2023-09-15"},
	{"Monday was calm in Varsk.", W, "Monday", "2023-09-11"},
	// An infinitive after a verb of intent looks forward from it.
	{"Rebel leaders told reporters they have agreed to meet the envoy on Saturday.", Thu, "Saturday", "2023-09-16"},
	{"The union vowed to strike again on Monday.", Thu, "Monday", "2023-09-18"},
	// ... but not after other past verbs.
	{"The crew returned to work on Monday.", Thu, "Monday", "2023-09-11"},
	// A passive past an adverb is still a passive: no past marker.
	{"Details of the charges will be officially released Monday.", Thu, "Monday", "2023-09-18"},
	// "due to" before a noun is a cause, not a schedule.
	{"The match was cancelled due to the storm on Monday.", W, "Monday", "2023-09-11"},
}

func TestClauseTense(t *testing.T) {
	for _, c := range clauseCases {
		var got []string
		found := false
		for _, e := range Find(c.text, ref(t, c.ref)) {
			got = append(got, e.Text+"="+e.Date.ISO())
			if e.Text == c.expr {
				found = true
				if e.Date.ISO() != c.iso {
					t.Errorf("Find(%q) ref %s: %q = %s (%v), want %s", c.text, c.ref, c.expr, e.Date.ISO(), e.Tense, c.iso)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q): no %q among %v", c.text, c.expr, got)
		}
	}
}
