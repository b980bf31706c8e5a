package events

import (
	"testing"
	"unicode/utf8"
)

func TestMainClause(t *testing.T) {
	tests := []struct {
		in       string
		dateline bool
		want     string
	}{
		{"After inspecting the aircraft and missiles, Kim proceeded to Vladivostok to observe a demonstration by the Russian navy.", false,
			"Kim proceeded to Vladivostok to observe a demonstration by the Russian navy"},
		{"At Russia’s Knevichi airfield, located approximately 50 km from Vladivostok, Kim was greeted by Defence Minister Sergei Shoigu, who saluted the North Korean leader.", false,
			"Kim was greeted by Defence Minister Sergei Shoigu"},
		{"Accompanied by the defense minister, Kim was warmly greeted at the airfield.", false,
			"Kim was warmly greeted at the airfield"},
		{"During Kim’s visit, he had discussions with Putin about military matters, the war in Ukraine, and the potential for deepening cooperation.", false,
			"He had discussions with Putin about military matters, the war in Ukraine"},
		{"MOSCOW, September 11, 2023 – The Kremlin announced the visit on Monday.", true,
			"The Kremlin announced the visit on Monday"},
		{"South Korean officials claim that these weapons were used during Russia's invasion of Ukraine in February 2022.", false,
			"South Korean officials claim that these weapons were used during Russia's…"},
	}
	for _, tt := range tests {
		got := mainClause(tt.in, tt.dateline)
		if got != tt.want {
			t.Errorf("mainClause(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) > maxTitle {
			t.Errorf("title %q is longer than %d characters", got, maxTitle)
		}
	}
}

func TestHeadlineAvoidsPronounSubject(t *testing.T) {
	sents := []Sentence{
		{Text: "He toured a warship belonging to Russia’s Pacific fleet."},
		{Text: "Kim proceeded to inspect the warships of Russia’s Pacific fleet in Vladivostok."},
	}
	if got, want := headline([]int{0, 1}, sents), "Kim proceeded to inspect the warships of Russia’s Pacific fleet in Vladivostok"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
}
