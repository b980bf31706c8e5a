package lexicon

import (
	"testing"
	"time"
)

// present returns the third person singular present of a simple past the
// lexicon knows, as a title puts a past verb: PastBase, then ThirdPerson.
func present(past string) (string, bool) {
	b, ok := PastBase(past)
	if !ok {
		return "", false
	}
	return ThirdPerson(b), true
}

// TestPresent checks PastBase and ThirdPerson together, as titles use them.
func TestPresent(t *testing.T) {
	for past, want := range map[string]string{
		"said": "says", "went": "goes", "inspected": "inspects", "urged": "urges", "banned": "bans",
		"arrived": "arrives", "denied": "denies", "flew": "flies", "fled": "flees", "underwent": "undergoes",
		"reached": "reaches", "stopped": "stops", "told": "tells", "lay": "lies",
	} {
		if got, ok := present(past); !ok || got != want {
			t.Errorf("Present(%q) = %q, %v; want %q", past, got, ok, want)
		}
	}
	for _, w := range []string{"put", "had", "hundred", "red", "walking"} {
		if got, ok := present(w); ok {
			t.Errorf("Present(%q) = %q, want none", w, got)
		}
	}
}

func TestWordClasses(t *testing.T) {
	if !IrregularPast("went") || IrregularPast("put") || !AmbiguousPast("put") {
		t.Error("past forms")
	}
	if !IrregularParticiple("been") || !IrregularParticiple("taken") || IrregularParticiple("had") {
		t.Error("participles")
	}
	if m, ok := Month("sept"); !ok || m != time.September {
		t.Errorf("Month(sept) = %v, %v", m, ok)
	}
	if d, ok := Weekday("friday"); !ok || d != time.Friday {
		t.Errorf("Weekday(friday) = %v, %v", d, ok)
	}
	if !FunctionWord("the") || !FunctionWord("of") || FunctionWord("bridge") {
		t.Error("function words")
	}
}

func TestPresentVerb(t *testing.T) {
	for _, w := range []string{"meet", "meets", "says", "inspects", "goes", "releases"} {
		if !PresentVerb(w) {
			t.Errorf("PresentVerb(%q) = false", w)
		}
	}
	if PresentVerb("bridge") {
		t.Error("PresentVerb(bridge) = true")
	}
}
