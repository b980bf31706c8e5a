package events

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTitleOf(t *testing.T) {
	tests := []struct {
		in       string
		dateline bool
		want     string
	}{
		{"After inspecting the engines and the hull, Mara proceeded to the harbour to watch a rescue drill by the coastguard.", false,
			"Mara proceeded to the harbour to watch a rescue drill by the coastguard"},
		{"At the Vell quarry, located about 40 km from Ostrow, Mara was greeted by Mining Minister Ilya Brandt, who shook hands with the visitors.", false,
			"Mara was greeted by Mining Minister Ilya Brandt"},
		{"Accompanied by the mining minister, Mara was warmly greeted at the quarry.", false,
			"Mara was warmly greeted at the quarry"},
		{"OSTROW, May 3, 2025 – The ministry announced the visit on Monday.", true,
			"The ministry announced the visit on Monday"},
		{"Ostrow (Wire) -- Rescuers pulled two miners from the collapsed shaft on Tuesday.", false,
			"Rescuers pulled two miners from the collapsed shaft on Tuesday"},
		{"Tuesday 6 May: The union said it would strike.", false,
			"The union said it would strike"},
		{"Lena Holt, the quarry's chief engineer, said the shaft had been inspected in March and passed every test.", false,
			"Lena Holt said the shaft had been inspected in March and passed every test"},
		{"Vell Mining, which owns the quarry, closed the north shaft on Wednesday after engineers found cracks in the roof of the main gallery.", false,
			"Vell Mining closed the north shaft on Wednesday"},
		{"Inspectors from the regional mining authority say that the collapsed gallery had been reinforced with timber instead of steel supports.", false,
			"Inspectors from the regional mining authority say that the collapsed gallery…"},
	}
	for _, tt := range tests {
		got, _ := titleOf(tt.in, tt.dateline)
		if got != tt.want {
			t.Errorf("titleOf(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) > maxTitle {
			t.Errorf("title %q is longer than %d characters", got, maxTitle)
		}
	}
}

func TestHeadlineAvoidsPronounSubject(t *testing.T) {
	sents := []Sentence{
		{Text: "He toured a lifeboat belonging to the northern fleet."},
		{Text: "Mara went on to inspect the lifeboats of the northern fleet in Ostrow."},
	}
	if got, want := headline([]int{0, 1}, sents, nil), "Mara went on to inspect the lifeboats of the northern fleet in Ostrow"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
}

func TestShortenNeverCutsInsideAWord(t *testing.T) {
	s := "Quarry workers from three villages gathered outside the regional parliament building demanding compensation"
	got, how := shorten(s)
	if how != cutWord || !strings.HasSuffix(got, "…") || utf8.RuneCountInString(got) > maxTitle {
		t.Fatalf("shorten = %q (%d)", got, how)
	}
	if !strings.HasPrefix(s, strings.TrimSuffix(got, "…")+" ") {
		t.Errorf("shorten cut inside a word: %q", got)
	}
}
