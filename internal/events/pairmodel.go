package events

import "math"

// The pair model: the chance that two passages of the candidate graph
// tell one happening, a logistic regression over the features below,
// fitted on the labelled corpora by scripts/fit (see fit_test.go) and
// kept in params.go.

// The features of a pair of passages, in the order of Params.Pair.
const (
	fBias        = iota
	fBest        // cosine of their closest sentences
	fWhole       // cosine of their summed vectors
	fSameOwnDay  // both give one day in their own words, the same
	fSameDay     // the same day, one of them inherited
	fOtherOwnDay // both give a day in their own words, different days
	fOtherDay    // different days, one of them inherited
	fDayGap      // log(1 + days between them) when both have a day
	fOverlap     // dates of a week or more that overlap
	fApart       // dates of a week or more that do not
	fPubGap      // log(1 + days between publications) when one is undated
	fUndated     // one has no date and no publication date
	fSameSource  // both are passages of one source
	fLeads       // both open their sources
	fBestSameDay // fBest when fSameOwnDay
	fBestOther   // fBest when fOtherOwnDay or fOtherDay
	fLength      // log of the sentences of both
	fNext        // b follows a in their source, no more than a sentence between them
	fNoShared    // they share no term rare enough to index
	fNamedDay    // one names, in its own words or anchored, a date holding the day the other gives as its own
	fSharedDay   // they name dates that overlap
	fSourceGap   // log(1 + sentences between them) when of one source
	fSameBlock   // of one paragraph
	nPair
)

// pairFeatureNames name the features, for the fitting report and params.go.
var pairFeatureNames = [nPair]string{"bias", "best sentence cosine", "passage cosine", "same own day",
	"same day (inherited)", "other own day", "other day (inherited)", "log day gap", "overlapping weeks",
	"weeks apart", "log publication gap", "undated", "same source", "both leads",
	"best cosine x same own day", "best cosine x other day", "log sentences",
	"next passage", "no shared term", "names the other's day", "dates in common",
	"log sentences between", "same paragraph"}

// Params are the fitted weights and thresholds of mention detection,
// passages and clustering.
type Params struct {
	// Mention are the weights of the mention cues, in the order of the
	// Cue constants, in units of the score a sentence needs to read as
	// the report of an event (see judge).
	Mention [nCue]float64
	// Pair are the logistic weights of the pair features.
	Pair [nPair]float64
	// Link is the least average chance (pairs the index did not propose
	// count as 0) at which average linkage merges two groups; a site's
	// [events] link moves it by its difference from DefaultLink.
	Link float64
	// Strong is the least chance of one pair of passages of different
	// sources that joins their groups even when the groups' average is
	// below Link, if it is at least StrongShare of Link.
	Strong, StrongShare float64
	// Floor is the least chance of a candidate pair kept in the graph;
	// weaker pairs count as 0 in the averages.
	Floor float64
	// Missing is what a pair of passages without an edge counts for in
	// the average of two groups, as a share of the average: 1 counts it
	// as 0, 0 leaves it out.
	Missing float64
	// Tie are the logistic weights of the continuation features (see
	// tieFeatures), and TieLink the least chance at which an event
	// mention continues the passage before it.
	Tie     [nTie]float64
	TieLink float64
}

// DefaultLink is the [events] link of a site that does not set one: the
// fitted Link is used as it is.
const DefaultLink = 0.10

// pairFeatures returns the features of the units a and b, whose closest
// sentences have cosine best and summed vectors whole; a comes before b
// in sents.
func pairFeatures(a, b *unit, sents []Sentence, best, whole float64) [nPair]float64 {
	var x [nPair]float64
	x[fBias] = 1
	x[fBest] = best
	x[fWhole] = whole
	level := min(a.level, b.level)
	switch {
	case level == noTime:
		x[fUndated] = 1
	case level == published:
		x[fPubGap] = math.Log1p(float64(max(a.lo-b.hi, b.lo-a.hi, 0)))
	case a.day && b.day:
		gap := a.lo - b.lo
		if gap < 0 {
			gap = -gap
		}
		x[fDayGap] = math.Log1p(float64(gap))
		switch {
		case gap == 0 && level == own:
			x[fSameOwnDay] = 1
			x[fBestSameDay] = best
		case gap == 0:
			x[fSameDay] = 1
		case level == own:
			x[fOtherOwnDay] = 1
			x[fBestOther] = best
		default:
			x[fOtherDay] = 1
			x[fBestOther] = best
		}
	case a.lo <= b.hi && b.lo <= a.hi:
		x[fOverlap] = 1
	default:
		x[fApart] = 1
	}
	if a.source == b.source {
		x[fSameSource] = 1
		last, first := &sents[a.sents[len(a.sents)-1]], &sents[b.sents[0]]
		gap := max(first.Ordinal-last.Ordinal-1, 0)
		x[fSourceGap] = math.Log1p(float64(gap))
		if gap <= 1 {
			x[fNext] = 1
		}
		if last.Block == first.Block {
			x[fSameBlock] = 1
		}
	}
	if a.lead && b.lead {
		x[fLeads] = 1
	}
	x[fLength] = math.Log(float64(len(a.sents) + len(b.sents)))
	if best == 0 {
		x[fNoShared] = 1
	}
	if a.level == own && a.day && names(b, a.lo) || b.level == own && b.day && names(a, b.lo) {
		x[fNamedDay] = 1
	}
	for _, p := range a.spans {
		for _, q := range b.spans {
			if p[0] <= q[1] && q[0] <= p[1] {
				x[fSharedDay] = 1
			}
		}
	}
	return x
}

// pairLogit is the log odds, by the model, that a pair with features x
// tells one happening.
func (p *Params) pairLogit(x *[nPair]float64) float64 {
	z := 0.0
	for i, w := range p.Pair {
		z += w * x[i]
	}
	return z
}

// tieChance is the chance that a continuation with features x tells the
// passage's happening.
func (p *Params) tieChance(x *[nTie]float64) float64 {
	z := 0.0
	for i, w := range p.Tie {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// names reports whether u names a date that holds the day d.
func names(u *unit, d int32) bool {
	for _, sp := range u.spans {
		if sp[0] <= d && d <= sp[1] {
			return true
		}
	}
	return false
}
