package dedup

import (
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
)

// The story below is invented: a wire report on a dam inspection, carried
// by two sites that cut it at different places, and the report a day
// later that reuses some of its paragraphs under a new lead.
var damWire = []string{
	"Engineers began a full inspection of the Carrow Ridge dam on Monday after a survey team found a crack running nearly forty metres along the base of its eastern spillway wall.",
	"The regional water board said there was no immediate danger to the villages in the valley below, but it lowered the reservoir by two metres as a precaution while divers examined the concrete.",
	"Residents of Lower Carrow, the closest village to the dam, were given leaflets explaining the evacuation routes and told to keep a bag packed until the board had finished its checks.",
	"The dam, completed in 1968, holds back about thirty million cubic metres of water and supplies drinking water to more than half a million people in the towns along the coast.",
	"A board spokeswoman said the crack had probably formed slowly over many winters, as water seeped into the joints of the wall and froze, and that it had been hidden beneath a layer of moss.",
	"Independent engineers hired by the board will take core samples from the wall this week and send them to a laboratory in the capital, where tests are expected to take about ten days.",
	"The last full inspection of the dam was carried out nine years ago, when surveyors recommended replacing the spillway gates, work that was postponed twice because of budget cuts.",
	"Opposition members of the regional council called on Tuesday for an independent review of how maintenance at the board's older dams had been planned and paid for over the past decade.",
	"Farmers downstream said the lower reservoir level would not affect irrigation this month, but warned that a long drawdown during the summer could leave their fields short of water.",
	"The board said it would publish the laboratory results in full and hold a public meeting in Lower Carrow once the engineers had decided whether the spillway wall needed to be rebuilt.",
	"Divers working in cold and murky water on Monday afternoon mapped the length of the crack with underwater cameras and marked its ends with small buoys for the surveyors on the bank.",
	"Traffic on the road across the top of the dam was limited to one lane, and heavy lorries were sent on a twenty-kilometre detour through the hills until the inspection is complete.",
}

// damFollowUp is the next day's story: a new lead and new paragraphs,
// with five of the report's paragraphs after them, not the report's lead.
var damFollowUp = []string{
	"The water board ordered the evacuation of Lower Carrow on Wednesday night after laboratory tests showed that the concrete at the base of the Carrow Ridge spillway was far weaker than engineers had assumed.",
	"About four hundred residents were taken by bus to a school gymnasium in the market town of Fenmouth, where the civil protection agency set up camp beds and a field kitchen before midnight.",
	"The board's chief engineer told reporters that the dam was not about to fail, but that he would not take the risk of leaving families below a wall whose strength he could no longer vouch for.",
	damWire[3], damWire[4], damWire[5], damWire[6], damWire[7],
	"Engineers will now lower the reservoir by a further six metres over the coming week, the board said, which will relieve most of the pressure on the damaged section of the wall.",
	"The regional government announced an emergency grant to pay for the repairs and said it would ask an outside agency to inspect every dam in the region built before 1980.",
}

func TestGroupFollowUpIsNotACopy(t *testing.T) {
	// The report's first eight paragraphs, and the follow-up that reuses
	// five of them verbatim: containment over 0.6, but neither opens with
	// the other's words.
	report := plain("content/report.md", damWire[:8]...)
	follow := plain("content/followup.md", damFollowUp...)
	fpR, fpF := testFingerprint(&report), testFingerprint(&follow)
	if s := verify(&fpR, &fpF); s.c < MinContainment || s.copy {
		t.Fatalf("verify = %+v, want containment at least %v and no copy", s, MinContainment)
	}
	sources := mustGroup(t, []clean.Article{report, follow})
	if got := groups(sources); len(got) != 2 {
		t.Fatalf("groups = %v, want the report and its follow-up apart", got)
	}
	if r := sources[0].Related; len(r) != 1 {
		t.Errorf("related = %v, want the follow-up related to the report", r)
	}
}

func TestGroupExcerptsCutAtDifferentPlaces(t *testing.T) {
	// One site's excerpt stops after the eighth paragraph, another's
	// starts at the fifth: they share four paragraphs word for word,
	// about half of each, and the second opens inside the first.
	first := plain("content/site-a.md", damWire[:8]...)
	second := plain("content/site-b.md", damWire[4:]...)
	fpA, fpB := testFingerprint(&first), testFingerprint(&second)
	s := verify(&fpA, &fpB)
	if s.c >= MinContainment || s.c < minExcerpt || !s.copy {
		t.Fatalf("verify = %+v, want a copy with containment in [%v, %v)", s, minExcerpt, MinContainment)
	}
	if got := groups(mustGroup(t, []clean.Article{first, second})); len(got) != 1 {
		t.Fatalf("groups = %v, want the two excerpts as one source", got)
	}
	// Edited after its opening, the shared part is no longer a verbatim
	// passage.
	edited := plain("content/site-c.md", damWire[4:]...)
	for i := 1; i < 4; i++ {
		edited.Blocks[i].Text = editEveryFewWords(edited.Blocks[i].Text)
	}
	fpC := testFingerprint(&edited)
	if s := verify(&fpA, &fpC); s.copy {
		t.Errorf("verify with edited paragraphs = %+v, want no copy", s)
	}
}

func TestVerifyCopyKeepsOpening(t *testing.T) {
	// A copy with a headline and a site line above it still opens with
	// the story's words.
	story := plain("content/story.md", damWire...)
	copied := plain("content/mirror.md", append([]string{"Dam crack: inspection begins", "Sign up for our morning briefing"}, damWire...)...)
	fpS, fpC := testFingerprint(&story), testFingerprint(&copied)
	if s := verify(&fpS, &fpC); !s.copy {
		t.Errorf("verify = %+v, want a copy", s)
	}
}

// testFingerprint fingerprints one article.
func testFingerprint(a *clean.Article) fingerprint {
	var s scratch
	return s.fingerprint(a)
}

// editEveryFewWords swaps every sixth word for another, as a subeditor's
// light rewrite does, so that no verbatim run is long.
func editEveryFewWords(s string) string {
	out := []byte{}
	w := 0
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if letter && !inWord {
			w++
			if w%6 == 0 {
				out = append(out, "very "...)
			}
		}
		inWord = letter
		out = append(out, c)
	}
	return string(out)
}
