package dedup

import (
	"math/bits"
	"slices"
)

// sortShingles sorts x in place, by bytes from the lowest, using tmp
// (grown as needed and returned) for the passes.
func sortShingles(x, tmp []uint32) []uint32 {
	if len(x) < 128 {
		slices.Sort(x)
		return tmp
	}
	if cap(tmp) < len(x) {
		tmp = make([]uint32, len(x))
	}
	tmp = tmp[:len(x)]
	src, dst := x, tmp
	for shift := 0; shift < 32; shift += 8 {
		var count [257]int
		for _, v := range src {
			count[(v>>shift)&0xff+1]++
		}
		for i := 1; i < 257; i++ {
			count[i] += count[i-1]
		}
		for _, v := range src {
			b := (v >> shift) & 0xff
			dst[count[b]] = v
			count[b]++
		}
		src, dst = dst, src
	}
	// Four passes leave the result back in x.
	return tmp
}

// sortKeys sorts x, by 16-bit digits from the lowest when it is long:
// the index and candidate lists hold millions of keys, which a radix sort
// puts in order several times faster than a comparison sort. Digits above
// the highest bit set in any key, and digits that are the same in every
// key, take no pass.
func sortKeys[T ~uint64](x []T) {
	if len(x) < 1<<16 {
		slices.Sort(x)
		return
	}
	var or T
	for _, v := range x {
		or |= v
	}
	tmp := make([]T, len(x))
	src, dst := x, tmp
	var count [1<<16 + 1]int
	for shift := 0; shift < bits.Len64(uint64(or)); shift += 16 {
		clear(count[:])
		for _, v := range src {
			count[(v>>shift)&0xffff+1]++
		}
		if count[(src[0]>>shift)&0xffff+1] == len(src) {
			continue // every key has this digit
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, v := range src {
			d := (v >> shift) & 0xffff
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &x[0] {
		copy(x, src)
	}
}
