package events

import (
	"context"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/sentence"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

// Extract splits the sources into sentences, tells event mentions from
// background, dates each sentence, groups consecutive sentences of one
// source that tell one event into passages, and clusters the passages of
// all sources into events. It stops when ctx is done, within a few
// milliseconds, and returns ctx's error: between sources while splitting
// them, between chunks of sentences, passages or events in the phases
// after, and between events while titling them.
func Extract(ctx context.Context, sources []dedup.Source, opt Options) (Result, error) {
	return extract(ctx, sources, opt, &fitted)
}

// extract is Extract with the clustering parameters prm.
func extract(ctx context.Context, sources []dedup.Source, opt Options, prm *Params) (Result, error) {
	sents, err := splitSources(ctx, sources, opt.Memo)
	if err != nil {
		return Result{}, err
	}
	if prm != &fitted {
		judgeMentions(sents, prm) // splitting judged them by the fitted model
	}
	warnings := limitMentions(sents, sources)
	clusters, err := analyse(ctx, sents, sources, opt, prm)
	if err != nil {
		return Result{}, err
	}
	// The words and keys of each sentence served grouping and weighing;
	// the vectors carry what the rest needs. On a large site they are a
	// good part of the heap.
	for i := range sents {
		sents[i].toks, sents[i].keys = nil, nil
	}
	var res Result
	res.Sentences = sents
	res.Warnings = warnings
	evs := make([]Event, len(clusters))
	ok := make([]bool, len(clusters))
	titles := opt.Memo.newTitles()
	if err := parallel.For(ctx, len(clusters), func(i int) {
		evs[i], ok[i] = makeEvent(clusters[i], sents, sources, titles)
	}); err != nil {
		return Result{}, err
	}
	opt.Memo.keepTitles(titles)
	for i, ev := range evs {
		if ok[i] {
			res.Events = append(res.Events, ev)
		}
	}
	sort.Slice(res.Events, func(i, j int) bool { return res.Events[i].ID < res.Events[j].ID })
	uniqueIDs(res.Events)
	return res, nil
}

// checkEvery is how many turns a loop that does not run in parallel
// takes between two looks at its context: few enough that a cancelled
// build stops within a millisecond, many enough that looking costs
// nothing.
const checkEvery = 4096

// maxMentions is the most event mentions one source brings to
// clustering; the ones after them, in text order, are judged background
// (CueCapped). Each mention of a source can become an event of its own
// when it gives a date, so without a limit a page that splits into
// 100,000 dated sentences (a log, a table, a list of records) makes
// 100,000 event pages and gigabytes of memory. A long news article has a
// few hundred sentences at most, and an article's news is at its start,
// so 500 leaves every article that reads as one as it is.
const maxMentions = 500

// limitMentions makes every event mention of a source after its first
// maxMentions background, and returns a warning naming each source that
// had more; on sentences it was given before, it gives the same. The
// sentences of a source are consecutive, as Extract has
// them; those of a memo are copies, so changing them is safe.
func limitMentions(sents []Sentence, sources []dedup.Source) diag.List {
	var warnings diag.List
	for i := 0; i < len(sents); {
		src, n, over := sents[i].Source, 0, 0
		for ; i < len(sents) && sents[i].Source == src; i++ {
			m := &sents[i].Mention
			if !m.Event && m.Cues&CueCapped == 0 { // capped by a first pass (see Redate), it counts again
				continue
			}
			if n++; n > maxMentions {
				m.Event = false
				m.Cues |= CueCapped
				over++
			}
		}
		if over > 0 {
			warnings = append(warnings, diag.Warnf(diag.ShowName(sources[src].Article.Path), 0,
				"%d sentences read as reports of events: only the first %d can make events, the other %d are taken as background",
				n, maxMentions, over))
		}
	}
	return warnings
}

// analyse weighs the sentences' words, groups them into passages and
// clusters them. It stops when ctx is done, with ctx's error.
func analyse(ctx context.Context, sents []Sentence, sources []dedup.Source, opt Options, prm *Params) ([]group, error) {
	if err := weigh(ctx, sents); err != nil {
		return nil, err
	}
	passages, err := groupPassagesWith(ctx, sents, prm)
	if err != nil {
		return nil, err
	}
	return cluster(ctx, sents, passages, sources, opt, prm)
}

// splitSources returns every sentence of every source, in source order,
// with its dates, its mention judgement and its content keys. Dates are
// resolved against each source's publication date. memo, when not nil,
// gives the sentences of sources unchanged since the last build.
func splitSources(ctx context.Context, sources []dedup.Source, memo *Memo) ([]Sentence, error) {
	per := make([][]Sentence, len(sources))
	refs := make([]temporal.Reference, len(sources))
	err := parallel.For(ctx, len(sources), func(si int) {
		a := &sources[si].Article
		ref := temporal.Reference{}
		if !a.Date.IsZero() {
			ref = temporal.Reference{Date: a.Date.Start, Known: true}
		}
		refs[si] = ref
		if sents, ok := memo.lookup(si, a, ref); ok {
			per[si] = sents
			return
		}
		per[si] = splitSource(si, a, ref)
	})
	if err != nil {
		return nil, err // some sources were not split: keep nothing of this build
	}
	memo.keep(sources, refs, per)
	n := 0
	for _, p := range per {
		n += len(p)
	}
	out := make([]Sentence, 0, n)
	for _, p := range per {
		out = appendSource(out, p)
	}
	return out, nil
}

// appendSource appends the sentences of one source, as splitSource made
// them, to those of the sources before it, making the indexes they hold
// (WhenFrom) indexes into the whole.
func appendSource(all, sents []Sentence) []Sentence {
	off := len(all)
	all = append(all, sents...)
	for i := off; i < len(all); i++ {
		if all[i].Inherited {
			all[i].WhenFrom += off
		}
	}
	return all
}

// Redate is the one step that feeds grouping back into dating: it
// resolves again the dates of the sentences of the sources whose
// publication dates inferred gives (see chronology.InferPublication),
// against those dates: their Dates, When and where When comes from. The
// events, and whether each sentence reads as an event mention, stay as
// grouping found them. It returns res with the sentences re-dated and
// Inferred set; res itself is not changed. It stops between sources
// when ctx is done, and returns ctx's error.
func Redate(ctx context.Context, res Result, sources []dedup.Source, inferred map[int]temporal.Date) (Result, error) {
	if len(inferred) == 0 {
		return res, nil
	}
	sents := slices.Clone(res.Sentences)
	for i := 0; i < len(sents); {
		src := sents[i].Source
		j := i
		for j < len(sents) && sents[j].Source == src {
			j++
		}
		// Splitting does not depend on the reference date: the source
		// splits into the same sentences, in order.
		if d, ok := inferred[src]; ok {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			again := splitSource(src, &sources[src].Article, temporal.Reference{Date: d.Start, Known: true})
			for k := range min(len(again), j-i) {
				s, a := &sents[i+k], &again[k]
				s.Dates, s.When, s.WhenExpr, s.Inherited = a.Dates, a.When, a.WhenExpr, a.Inherited
				s.WhenFrom = a.WhenFrom + i // splitSource indexes the source's own sentences
			}
		}
		i = j
	}
	res.Sentences = sents
	res.Inferred = inferred
	return res, nil
}

// splitSource returns the sentences of one article, their dates resolved
// against ref, and dates what each reports (see dateSentences); WhenFrom
// indexes the sentences returned.
func splitSource(si int, a *clean.Article, ref temporal.Reference) []Sentence {
	var out []Sentence
	starts := a.BlockStarts()
	ordinal := 0
	var lows []string // the words of a sentence, lower-cased: a buffer for each in turn
	for bi, b := range a.Blocks {
		if b.Heading {
			continue
		}
		for _, sp := range sentence.Split(b.Text) {
			text := b.Text[sp.Start:sp.End]
			s := Sentence{Source: si, Block: bi, Ordinal: ordinal, Start: starts[bi] + sp.Start, End: starts[bi] + sp.End, Text: text}
			skip := 0
			if ordinal == 0 && a.Dateline.Text != "" && strings.HasPrefix(text, a.Dateline.Text) {
				s.Dateline = true
				skip = len(a.Dateline.Text)
			}
			for _, e := range temporal.Find(text[skip:], ref) {
				e.Start += skip
				e.End += skip
				s.Dates = append(s.Dates, e)
			}
			s.skip = skip
			toks := words.Split(text)
			lows = lowerWords(lows[:0], toks)
			s.toks = toks
			s.words = len(toks)
			s.negated = negated(text, toks, lows)
			s.Mention = detectMentionTokens(text, toks, lows, s.Dates, skip)
			s.keys = sentenceKeysTokens(text, toks, lows, skip, s.Dates)
			out = append(out, s)
			ordinal++
		}
	}
	dateSentences(out)
	return out
}

// sentenceKeys returns the content keys of a sentence, as hashes (see
// termOf). Words that carry events weigh more: a designator with digits
// ("Tu-160") counts twice, and a run of capitalised words inside the
// sentence (a name) counts twice once, on its last word, so a long name
// repeated in every report of a story ("North Korean leader Kim Jong Un")
// does not outweigh what happened. Two content words in a row are also a
// key, a phrase ("North Basin", "strategic bombers"), and so is a number.
// Left out: the dateline, the words of dates (time is compared apart),
// and an opening clause that anchors the sentence to an earlier event
// ("After inspecting the aircraft, …").
func sentenceKeys(s string, skip int, dates []temporal.Expression) []uint64 {
	toks := words.Split(s)
	return sentenceKeysTokens(s, toks, lowerWords(nil, toks), skip, dates)
}

// lowerWords appends to dst each of the words toks lower-cased, with
// curly apostrophes made straight: the form the judgements of a sentence
// compare words in.
func lowerWords(dst []string, toks []words.Token) []string {
	for _, t := range toks {
		dst = append(dst, strings.ToLower(strings.ReplaceAll(t.Text, "’", "'")))
	}
	return dst
}

// sentenceKeysTokens is sentenceKeys over the words of s, already split,
// and lower-cased as lows (see lowerWords).
func sentenceKeysTokens(s string, toks []words.Token, lows []string, skip int, dates []temporal.Expression) []uint64 {
	from := skip + anchorClause(s[skip:])
	keys := make([]uint64, 0, 2*len(toks))
	prev := ""
	for i, t := range toks {
		if t.Start < from || inExpression(t.Start+0, t.End, dates) {
			prev = ""
			continue
		}
		lw := lows[i]
		if words.IsStop(lw) {
			prev = ""
			continue
		}
		if strings.IndexFunc(lw, unicode.IsLetter) < 0 {
			if n := numberKey(lw); n != "" {
				keys = append(keys, termOf(n))
			}
			prev = ""
			continue
		}
		k := words.Key(t.Text)
		kt := termOf(k)
		keys = append(keys, kt)
		if n := numberKey(leadingNumber(lw)); n != "" {
			keys = append(keys, termOf(n)) // "23-year-old", "300GB" count as 23 and 300
		} else if n := numberWord(lw); n != "" {
			keys = append(keys, termOf(n)) // "Eleven workers" counts as 11
		}
		if prev != "" && !strings.Contains(s[toks[i-1].End:t.Start], ",") {
			keys = append(keys, phrase(prev, k))
		}
		prev = k
		switch {
		case strings.IndexFunc(t.Text, unicode.IsDigit) >= 0:
			keys = append(keys, kt)
		case i > 0 && capitalised(t.Text) && (i+1 == len(toks) || !capitalised(toks[i+1].Text)):
			keys = append(keys, kt) // the last word of a name
		}
	}
	return keys
}

// FNV-1a, which terms are hashed with.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// termOf returns the 64-bit hash (FNV-1a) a key is compared by: two keys
// that differ have the same with a chance of 2⁻⁶⁴, and hashes are
// quicker to index and smaller to keep than the keys.
func termOf(k string) uint64 { return fnvAdd(fnvOffset, k) }

// phrase is termOf(a + " " + b), without making the string.
func phrase(a, b string) uint64 {
	return fnvAdd(fnvAdd(fnvAdd(fnvOffset, a), " "), b)
}

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// inExpression reports whether the span [start, end) lies in one of the
// expressions.
func inExpression(start, end int, dates []temporal.Expression) bool {
	for _, e := range dates {
		if start >= e.Start && end <= e.End {
			return true
		}
	}
	return false
}

// numberKey returns the key of a number worth matching ("45", "312",
// "1,500"), or "" for one too small to tell events apart or a year
// (dates are compared apart).
func numberKey(w string) string {
	w = strings.ReplaceAll(w, ",", "")
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits < 2 {
		return ""
	}
	if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		return ""
	}
	return "#" + w
}

// numberWord returns the key of a number from 11 to 99 written in words
// ("eleven", "twenty-five"), as numberKey gives it for its digits, or "".
func numberWord(w string) string {
	if len(w) < len("one") || !strings.ContainsRune("otfsen", rune(w[0])) {
		return "" // no number word is shorter or starts otherwise
	}
	tens, units, _ := strings.Cut(w, "-")
	n, ok := numberWords[tens]
	if !ok {
		return ""
	}
	if units != "" {
		u, ok := numberWords[units]
		if !ok || n < 20 || n%10 != 0 || u > 9 {
			return ""
		}
		n += u
	}
	if n < 10 {
		return ""
	}
	return "#" + strconv.Itoa(n)
}

// numberWords are the words numberWord reads.
var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// leadingNumber returns the digits a word opens with ("300gb" → "300"),
// or "".
func leadingNumber(w string) string {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == ',' && i > 0) {
		i++
	}
	return w[:i]
}

// anchorClause returns the length of an opening subordinate clause that
// places the sentence after or before another event ("After inspecting
// the aircraft and missiles, "), or 0.
func anchorClause(s string) int {
	w := strings.ToLower(firstWordOf(s))
	switch w {
	case "after", "following", "before", "since", "hours", "days", "weeks":
	default:
		return 0
	}
	i := strings.Index(s, ", ")
	if i < 0 || utf8.RuneCountInString(s[:i]) > 90 {
		return 0
	}
	return i + 2
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// vector is a sparse, L2-normalised term vector sorted by term.
type vector []term

type term struct {
	id int32
	w  float32
}

// weigh gives each sentence its TF-IDF vector, IDF over sentences. It
// stops when ctx is done, with ctx's error.
func weigh(ctx context.Context, sents []Sentence) error {
	ids := map[uint64]int32{}
	var df []int32
	termIDs := make([][]int32, len(sents))
	for i := range sents {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		ts := make([]int32, len(sents[i].keys))
		for j, k := range sents[i].keys {
			id, ok := ids[k]
			if !ok {
				id = int32(len(df))
				ids[k] = id
				df = append(df, 0)
			}
			ts[j] = id
		}
		slices.Sort(ts)
		for j, id := range ts {
			if j == 0 || ts[j-1] != id {
				df[id]++
			}
		}
		termIDs[i] = ts
	}
	n := float64(len(sents))
	return parallel.For(ctx, len(sents), func(i int) {
		ts := termIDs[i]
		v := make(vector, 0, len(ts))
		var norm float64
		for j := 0; j < len(ts); {
			k := j
			for k < len(ts) && ts[k] == ts[j] {
				k++
			}
			w := (1 + math.Log(float64(k-j))) * math.Log((n+1)/float64(df[ts[j]]))
			if w > 0 {
				v = append(v, term{ts[j], float32(w)})
				norm += w * w
			}
			j = k
		}
		norm = math.Sqrt(norm)
		for j := range v {
			v[j].w = float32(float64(v[j].w) / norm)
		}
		sents[i].vec = v
	})
}

func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id == b[j].id:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		case a[i].id < b[j].id:
			i++
		default:
			j++
		}
	}
	return s
}
