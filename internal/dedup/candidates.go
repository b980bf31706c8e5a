package dedup

import (
	"math/bits"
)

const (
	// maxPosting is the most texts an anchor may be in for the anchor
	// index to pair them: a five-word sequence in more texts is a stock
	// phrase or boilerplate, and pairing all its texts would cost
	// quadratic time. Copies of a story that many sites carry still meet
	// in the MinHash bands.
	maxPosting = 64
	// smallBucket is the most texts in an LSH bucket that are all paired;
	// a larger bucket pairs each text with the first and with the one
	// before it, which is linear and enough to join copies.
	smallBucket = 8
	// anchorShare: a pair of texts sharing fewer than one in anchorShare
	// of the anchors of the text with fewer is not worth verifying: its
	// containment is almost surely below MinRelated.
	anchorShare = 10
)

// pair is two text indices a < b packed as a<<32 | b.
type pair uint64

func pairOf(a, b int32) pair {
	if a > b {
		a, b = b, a
	}
	return pair(uint64(a)<<32 | uint64(uint32(b)))
}

func (p pair) split() (int32, int32) { return int32(p >> 32), int32(uint32(p)) }

// bandPairs returns the pairs of texts that share an LSH bucket: the same
// band of their MinHash signatures. keys holds each text's band keys. A
// key and its text are packed in one word, the key's low bits making room
// for the text's index, so that the index sorts as plain numbers.
func bandPairs(fps []fingerprint, keys [][bands]uint64) []pair {
	docBits := max(1, bits.Len(uint(len(keys))))
	docMask := uint64(1)<<docBits - 1
	entries := make([]uint64, 0, len(keys)*bands)
	for d := range keys {
		if len(fps[d].shingles) == 0 {
			continue
		}
		for _, k := range keys[d] {
			entries = append(entries, k&^docMask|uint64(d))
		}
	}
	sortKeys(entries)
	var out []pair
	var run []int32
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j]&^docMask == entries[i]&^docMask {
			j++
		}
		run = run[:0]
		for _, e := range entries[i:j] {
			run = append(run, int32(e&docMask))
		}
		i = j
		if len(run) <= smallBucket {
			for a := range run {
				for b := a + 1; b < len(run); b++ {
					out = append(out, pairOf(run[a], run[b]))
				}
			}
			continue
		}
		for k := 1; k < len(run); k++ {
			out = append(out, pairOf(run[k-1], run[k]))
			if k > 1 {
				out = append(out, pairOf(run[0], run[k]))
			}
		}
	}
	return out
}

// anchorPairs returns the pairs of texts that share at least two anchors
// and at least one in anchorShare of the anchors of the text with fewer,
// or one when that text has at most two anchors. Anchors are sampled by
// value, the same way in every text, so a short text inside a long one
// has its anchors in the long one's too: the index finds containment
// between texts of any two lengths. Pairs are listed anchor by anchor and
// then counted by sorting, which reads memory in order: following each
// text's anchors into the index instead would jump all over it.
func anchorPairs(fps []fingerprint) []pair {
	docBits := max(1, bits.Len(uint(len(fps))))
	docMask := uint64(1)<<docBits - 1
	n := 0
	for _, fp := range fps {
		n += fp.anchors
	}
	entries := make([]uint64, 0, n) // anchor<<docBits | text
	for d, fp := range fps {
		for _, a := range fp.shingles[:fp.anchors] {
			entries = append(entries, uint64(a)<<docBits|uint64(d))
		}
	}
	sortKeys(entries)
	var shared []pair // one element per anchor the two texts share
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j]>>docBits == entries[i]>>docBits {
			j++
		}
		if j-i <= maxPosting {
			for a := i; a < j; a++ {
				for b := a + 1; b < j; b++ {
					shared = append(shared, pairOf(int32(entries[a]&docMask), int32(entries[b]&docMask)))
				}
			}
		}
		i = j
	}
	entries = nil
	sortKeys(shared)
	var out []pair
	for i := 0; i < len(shared); {
		j := i + 1
		for j < len(shared) && shared[j] == shared[i] {
			j++
		}
		a, b := shared[i].split()
		n, fewer := j-i, min(fps[a].anchors, fps[b].anchors)
		if n >= 2 && n*anchorShare >= fewer || fewer <= 2 {
			out = append(out, shared[i])
		}
		i = j
	}
	return out
}
