package dedup

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/words"
)

const (
	// shingleWords is the length of a shingle in words.
	shingleWords = 5
	// anchorScale makes one shingle in anchorScale an anchor: those whose
	// hash is below 2³²/anchorScale.
	anchorScale = 4
	anchorLimit = 1 << 32 / anchorScale
	// bands and rows shape the MinHash signature: bands·rows values, cut
	// into bands of rows values each.
	bands = 16
	rows  = 4
)

// fingerprint is what duplicate detection knows of one article's text.
type fingerprint struct {
	// exact hashes the whole normalised word sequence; it is 0 exactly
	// when the text has no words.
	exact uint64
	// shingles are the hashes of the text's five-word shingles, sorted
	// and unique. A text of fewer than five words is one shingle. The
	// leading ones below anchorLimit are the anchors.
	shingles []uint32
	// anchors is the number of anchors.
	anchors int
	// seq is the text's shingles in the order of the text, repeats kept:
	// what tells a verbatim passage from shingles scattered over edited
	// paragraphs (see verify).
	seq []uint32
}

// scratch holds the buffers one goroutine reuses from text to text.
type scratch struct {
	words    []uint64
	shingles []uint32
	tmp      []uint32
}

// fingerprint reads an article's words: lower-cased, with curly
// apostrophes made straight, across block boundaries, as words.Split
// finds them.
func (s *scratch) fingerprint(a *clean.Article) fingerprint {
	wh := s.words[:0]
	for _, b := range a.Blocks {
		for start, end := range words.All(b.Text) {
			wh = append(wh, wordHash(b.Text[start:end]))
		}
	}
	s.words = wh
	if len(wh) == 0 {
		return fingerprint{}
	}
	exact := uint64(len(wh))
	for _, w := range wh {
		exact = (exact ^ w) * prime64
	}
	fp := fingerprint{exact: mix64(exact) | 1}
	sh := s.shingles[:0]
	for i := range max(1, len(wh)-shingleWords+1) {
		h := uint64(0)
		for _, w := range wh[i:min(len(wh), i+shingleWords)] {
			h = (h ^ w) * prime64
		}
		sh = append(sh, uint32(mix64(h)>>32))
	}
	fp.seq = slices.Clone(sh)
	s.tmp = sortShingles(sh, s.tmp)
	s.shingles = sh
	fp.shingles = slices.Clone(slices.Compact(sh))
	fp.anchors, _ = slices.BinarySearch(fp.shingles, anchorLimit)
	return fp
}

const prime64 = 0x100000001b3

// wordHash hashes the normalised form of a word: lower case, ’ as '.
func wordHash(w string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return mix64(hashString(strings.ReplaceAll(strings.ToLower(w), "’", "'")))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime64
	}
	return mix64(h)
}

func hashString(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime64
	}
	return h
}

// mix64 is the finaliser of MurmurHash3: it spreads every input bit over
// the output.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// bandKeys sets dst to the LSH band keys of a shingle set: a MinHash
// signature of bands·rows values by one-permutation hashing (each shingle
// falls in one bin by its hash and a bin keeps its smallest), empty bins
// filled by optimal densification (an empty bin takes the value of the
// first non-empty bin in its own fixed probe sequence), then one key per
// band of rows values. Two sets agree on a signature value with
// probability about their Jaccard similarity.
func bandKeys(dst *[bands]uint64, shingles []uint32) {
	const k = bands * rows
	if len(shingles) == 0 {
		return
	}
	var sig [k]uint32
	var full [k]bool
	for _, h := range shingles {
		bin := uint32(uint64(h) * k >> 32)
		if !full[bin] || h < sig[bin] {
			sig[bin], full[bin] = h, true
		}
	}
	var filled [k]uint32
	for i := range sig {
		if full[i] {
			filled[i] = sig[i]
			continue
		}
		for t := uint64(1); ; t++ {
			j := mix64(uint64(i)<<32|t) % k
			if full[j] {
				// Salted by the probe count, so a borrowed value is not
				// the same as the value it was borrowed from.
				filled[i] = sig[j] + uint32(t)*0x9e3779b9
				break
			}
		}
	}
	for b := range bands {
		h := uint64(b + 1)
		for _, v := range filled[b*rows : (b+1)*rows] {
			h = (h ^ uint64(v)) * prime64
		}
		dst[b] = mix64(h)
	}
}

// intersection returns the number of values two sorted, unique slices
// share. When one is much longer it searches the longer for each value of
// the shorter.
func intersection(x, y []uint32) int {
	if len(x) > len(y) {
		x, y = y, x
	}
	n := 0
	if len(x)*16 < len(y) {
		for _, v := range x {
			i, ok := slices.BinarySearch(y, v)
			if ok {
				n++
			}
			y = y[i:]
		}
		return n
	}
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			n++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// containment is the share of the smaller set's shingles that the larger
// one has too, and that number of shared shingles.
func containment(x, y []uint32) (float64, int) {
	small := min(len(x), len(y))
	if small == 0 {
		return 0, 0
	}
	n := intersection(x, y)
	return float64(n) / float64(small), n
}
