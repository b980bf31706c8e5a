package events

import (
	"context"
	"testing"
)

// TestMentionWeightsJudge checks that the mention weights of the
// parameters a build runs with are the ones that judge its sentences:
// with every weight far below zero no sentence reads as an event and the
// demo has no event; with every weight far above it, every sentence
// with a cue does, and it has more events than with the fitted weights.
// with returns the result and the number of sentences judged otherwise.
func TestMentionWeightsJudge(t *testing.T) {
	sources := readSite(t, "../..")
	opt := defaultOptions()
	with := func(w float64) (Result, int) {
		p := fitted
		for i := range p.Mention {
			p.Mention[i] = w
		}
		res, err := extract(context.Background(), sources, opt, &p)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range res.Sentences {
			if s.Mention.Event != (w > 0 && s.Mention.Cues&^CueCapped != 0) {
				n++
			}
		}
		return res, n
	}
	fit, err := extract(context.Background(), sources, opt, &fitted)
	if err != nil {
		t.Fatal(err)
	}
	if res, n := with(-5); n != 0 || len(res.Events) != 0 {
		t.Errorf("weights of -5: %d sentences judged event mentions and %d events, want none", n, len(res.Events))
	}
	if res, n := with(5); n != 0 || len(res.Events) <= len(fit.Events) {
		t.Errorf("weights of 5: %d sentences with a cue not judged event mentions, %d events; want none, and more events than the fitted %d",
			n, len(res.Events), len(fit.Events))
	}
}

// TestCueCount ties nCue to the cues: every cue but CueCapped weighs,
// and each has a name.
func TestCueCount(t *testing.T) {
	if Cues(1)<<nCue != CueCapped {
		t.Errorf("nCue = %d, but CueCapped is 1<<%d: a cue before it would not weigh", nCue, nCue)
	}
	if len(cueNames) != nCue+1 {
		t.Errorf("%d cue names for %d cues and CueCapped", len(cueNames), nCue)
	}
}
