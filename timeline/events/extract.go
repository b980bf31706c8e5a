package events

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/timeline/dedup"
	"github.com/timeline-ssg/timeline/timeline/sentence"
	"github.com/timeline-ssg/timeline/timeline/temporal"
	"github.com/timeline-ssg/timeline/timeline/words"
)

// Extract splits the sources into sentences and groups them into events.
func Extract(sources []dedup.Source, opt Options) Result {
	sents := splitSources(sources)
	weigh(sents)
	clusters := cluster(sents, opt)
	var res Result
	res.Sentences = sents
	for _, c := range clusters {
		if ev, ok := makeEvent(c, sents, sources); ok {
			res.Events = append(res.Events, ev)
		}
	}
	sort.Slice(res.Events, func(i, j int) bool { return res.Events[i].ID < res.Events[j].ID })
	uniqueIDs(res.Events)
	return res
}

// splitSources returns every sentence of every source, in source order.
func splitSources(sources []dedup.Source) []Sentence {
	var out []Sentence
	for si := range sources {
		a := &sources[si].Article
		ref := temporal.Reference{}
		if !a.Date.IsZero() {
			ref = temporal.Reference{Date: a.Date.Start, Known: true}
		}
		starts := a.BlockStarts()
		ordinal := 0
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
				s.keys = sentenceKeys(text[skip:])
				out = append(out, s)
				ordinal++
			}
		}
	}
	return out
}

// sentenceKeys returns the content keys of a sentence. Words that carry
// events weigh more: a designator with digits ("Tu-160") counts twice, and
// a run of capitalised words inside the sentence (a name) counts twice
// once, on its last word, so a long name repeated in every report of a
// story ("North Korean leader Kim Jong Un") does not outweigh what
// happened.
func sentenceKeys(s string) []string {
	toks := words.Split(s)
	keys := make([]string, 0, len(toks))
	for i, t := range toks {
		lw := strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
		if words.IsStop(lw) || strings.IndexFunc(lw, unicode.IsLetter) < 0 {
			continue
		}
		k := words.Key(t.Text)
		keys = append(keys, k)
		switch {
		case strings.IndexFunc(t.Text, unicode.IsDigit) >= 0:
			keys = append(keys, k)
		case i > 0 && capitalised(t.Text) && (i+1 == len(toks) || !capitalised(toks[i+1].Text)):
			keys = append(keys, k) // the last word of a name
		}
	}
	return keys
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

// weigh gives each sentence its TF-IDF vector, IDF over sentences.
func weigh(sents []Sentence) {
	ids := map[string]int32{}
	df := []int{}
	for i := range sents {
		seen := map[int32]bool{}
		for _, k := range sents[i].keys {
			id, ok := ids[k]
			if !ok {
				id = int32(len(df))
				ids[k] = id
				df = append(df, 0)
			}
			if !seen[id] {
				seen[id] = true
				df[id]++
			}
		}
	}
	n := float64(len(sents))
	for i := range sents {
		tf := map[int32]float64{}
		for _, k := range sents[i].keys {
			tf[ids[k]]++
		}
		v := make(vector, 0, len(tf))
		var norm float64
		for id, f := range tf {
			w := (1 + math.Log(f)) * math.Log((n+1)/float64(df[id]))
			if w <= 0 {
				continue
			}
			v = append(v, term{id, float32(w)})
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for j := range v {
			v[j].w = float32(float64(v[j].w) / norm)
		}
		sort.Slice(v, func(a, b int) bool { return v[a].id < v[b].id })
		sents[i].vec = v
	}
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
