package dedup

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestFingerprint(t *testing.T) {
	var s scratch
	fp := func(paras ...string) fingerprint { a := plain("content/a.md", paras...); return s.fingerprint(&a) }
	tests := []struct {
		name string
		a, b []string
		same bool
	}{
		{"case and curly apostrophes", []string{"The Mayor’s office SAID it won’t close."}, []string{"the mayor's office said it won't close"}, true},
		{"punctuation and spacing", []string{"Rain, rain -- and more rain!"}, []string{"Rain rain and   more rain"}, true},
		{"paragraph breaks", []string{"One two three.", "Four five six."}, []string{"One two three. Four five six."}, true},
		{"a word changed", []string{"One two three four five six"}, []string{"One two three four five seven"}, false},
		{"word order", []string{"One two three four five six"}, []string{"Two one three four five six"}, false},
	}
	for _, tt := range tests {
		a, b := fp(tt.a...), fp(tt.b...)
		if same := a.exact == b.exact && slices.Equal(a.shingles, b.shingles); same != tt.same {
			t.Errorf("%s: same fingerprint = %v, want %v", tt.name, same, tt.same)
		}
	}
	if e := fp(); e.exact != 0 || len(e.shingles) != 0 {
		t.Errorf("no text: %+v, want the zero fingerprint", e)
	}
	if e := fp("— | —", "***"); e.exact != 0 || len(e.shingles) != 0 {
		t.Errorf("no words: %+v, want the zero fingerprint", e)
	}
	if short := fp("Only three words"); short.exact == 0 || len(short.shingles) != 1 {
		t.Errorf("three words: %d shingles, want one", len(short.shingles))
	}
	long := fp(floodBody...)
	if !slices.IsSorted(long.shingles) || long.anchors == 0 || long.anchors == len(long.shingles) {
		t.Errorf("%d shingles with %d anchors, want sorted and some anchors", len(long.shingles), long.anchors)
	}
	for i, h := range long.shingles {
		if (i < long.anchors) != (h < anchorLimit) {
			t.Fatalf("shingle %d (%#x) anchor = %v", i, h, i < long.anchors)
		}
	}
}

// TestBandCurve checks the LSH candidate rate the package doc gives,
// 1−(1−J⁴)¹⁶, on random sets of known Jaccard similarity.
func TestBandCurve(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const size, trials = 300, 400
	for _, j := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		// Sets A and B of size elements with Jaccard j share s elements:
		// s / (2·size − s) = j.
		s := int(math.Round(2 * size * j / (1 + j)))
		hits := 0
		for range trials {
			common := randomSet(r, s)
			a := append(randomSet(r, size-s), common...)
			b := append(randomSet(r, size-s), common...)
			slices.Sort(a)
			slices.Sort(b)
			var ka, kb [bands]uint64
			bandKeys(&ka, a)
			bandKeys(&kb, b)
			for i := range ka {
				if ka[i] == kb[i] {
					hits++
					break
				}
			}
		}
		jj := float64(s) / float64(2*size-s)
		want := 1 - math.Pow(1-math.Pow(jj, rows), bands)
		if got := float64(hits) / trials; math.Abs(got-want) > 0.08 {
			t.Errorf("J = %.2f: candidates %.3f of the time, want about %.3f", jj, got, want)
		}
	}
}

func randomSet(r *rand.Rand, n int) []uint32 {
	s := make([]uint32, n)
	for i := range s {
		s[i] = r.Uint32()
	}
	return s
}

func TestIntersection(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, sizes := range [][2]int{{0, 0}, {0, 5}, {10, 10}, {5, 500}, {300, 20}, {1000, 1000}} {
		pool := randomSet(r, 2*(sizes[0]+sizes[1])+1)
		x := slices.Compact(slices.Sorted(slices.Values(pool[:sizes[0]])))
		y := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(pool[sizes[0]/2:sizes[0]]), pool[len(pool)-sizes[1]:]...))))
		want := 0
		for _, v := range x {
			if _, ok := slices.BinarySearch(y, v); ok {
				want++
			}
		}
		if got := intersection(x, y); got != want {
			t.Errorf("sizes %v: intersection = %d, want %d", sizes, got, want)
		}
		if got := intersection(y, x); got != want {
			t.Errorf("sizes %v swapped: intersection = %d, want %d", sizes, got, want)
		}
	}
	if c, n := containment([]uint32{1, 2, 3}, []uint32{2, 3, 4, 5, 6}); c != 2.0/3 || n != 2 {
		t.Errorf("containment = %v, %d; want 2/3 of the smaller, 2", c, n)
	}
}

func TestSorts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 127, 128, 3000} {
		x := randomSet(r, n)
		want := slices.Sorted(slices.Values(x))
		sortShingles(x, nil)
		if !slices.Equal(x, want) {
			t.Errorf("sortShingles of %d values: not sorted", n)
		}
	}
	for _, n := range []int{0, 1, 1000, 1 << 16, 300_000} {
		for _, mask := range []uint64{^uint64(0), 0xffff, 0xffff0000ffff, 1 << 40, 0} {
			x := make([]uint64, n)
			for i := range x {
				x[i] = r.Uint64() & mask
			}
			want := slices.Sorted(slices.Values(x))
			sortKeys(x)
			if !slices.Equal(x, want) {
				t.Errorf("sortKeys of %d values masked %#x: not sorted", n, mask)
			}
		}
	}
}
