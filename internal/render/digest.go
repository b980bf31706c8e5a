package render

import (
	"fmt"
	"hash/maphash"
	"math"
	"reflect"
	"slices"
)

// digest is a 128-bit hash of a value, from two 64-bit hashes with
// different seeds: two values with the same digest are taken to be equal.
type digest [2]uint64

// digester hashes the values pages are made from. It walks a value
// through reflection, every field, element and pointee, so a field added
// to Event, Source or Page is covered without a change here. Pointers to
// the site's events and sources, which pages share, are hashed as their
// digests worked out once per render (see siteDigests).
type digester struct {
	a, b    maphash.Hash
	events  map[*Event]digest
	sources map[*Source]digest
	// isKey, when not nil, tells the key events: a page's layout learns
	// it of the events the page holds with the function key.
	isKey func(*Event) bool
}

// newDigester returns a digester seeded with seeds; events and sources,
// which may be nil, hold the digests of shared events and sources.
func newDigester(seeds [2]maphash.Seed, events map[*Event]digest, sources map[*Source]digest) *digester {
	d := &digester{events: events, sources: sources}
	d.a.SetSeed(seeds[0])
	d.b.SetSeed(seeds[1])
	return d
}

// sum returns the digest of what was written since the last reset, and
// resets.
func (d *digester) sum() digest {
	s := digest{d.a.Sum64(), d.b.Sum64()}
	d.a.Reset()
	d.b.Reset()
	return s
}

func (d *digester) u64(x uint64) {
	maphash.WriteComparable(&d.a, x)
	maphash.WriteComparable(&d.b, x)
}

func (d *digester) str(s string) {
	d.u64(uint64(len(s)))
	d.a.WriteString(s)
	d.b.WriteString(s)
}

var (
	eventPtr  = reflect.TypeFor[*Event]()
	sourcePtr = reflect.TypeFor[*Source]()
	sitePtr   = reflect.TypeFor[*Site]()
)

// value hashes v. Maps are hashed in key order; a func, channel or
// unsafe pointer, which no view type holds, panics.
func (d *digester) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		d.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			d.u64(1)
		} else {
			d.u64(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		d.u64(math.Float64bits(v.Float()))
	case reflect.Slice, reflect.Array:
		n := v.Len()
		d.u64(uint64(n))
		for i := range n {
			d.value(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			d.value(v.Field(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			d.u64(0)
			return
		}
		d.u64(1)
		switch v.Type() {
		case eventPtr:
			e := (*Event)(v.UnsafePointer())
			if d.isKey != nil && d.isKey(e) {
				d.u64(1)
			}
			if s, ok := d.events[e]; ok {
				d.u64(s[0])
				d.u64(s[1])
				return
			}
		case sourcePtr:
			if s, ok := d.sources[(*Source)(v.UnsafePointer())]; ok {
				d.u64(s[0])
				d.u64(s[1])
				return
			}
		case sitePtr:
			panic("render: a page's Site is digested by siteScalars")
		}
		d.value(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			d.u64(0)
			return
		}
		d.str(v.Elem().Type().String())
		d.value(v.Elem())
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(x, y reflect.Value) int {
			return cmpString(fmt.Sprint(x.Interface()), fmt.Sprint(y.Interface()))
		})
		d.u64(uint64(len(keys)))
		for _, k := range keys {
			d.value(k)
			d.value(v.MapIndex(k))
		}
	default:
		panic("render: cannot digest a " + v.Type().String())
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// page hashes a page as a page builder made it, before finish: every
// field but Site, whose collections the layout reaches only if it is
// whole-site (see wholeSite) and whose other fields are in the render's
// key, and but the fields finish derives from the others.
func (d *digester) page(p *Page) {
	v := reflect.ValueOf(p).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.Type == sitePtr || slices.Contains(derivedFields, f.Name) {
			continue
		}
		d.value(v.Field(i))
	}
}

// siteScalars hashes what a page's layout can learn of the site besides
// the page's own data, short of its lists of events and sources: every
// field of Site but Events and Sources, and what the layout function
// undated tells of the whole site. (What the function key tells of an
// event is hashed with the event.)
func (d *digester) siteScalars(ix *siteIndex) {
	v := reflect.ValueOf(ix.site).Elem()
	for i := range v.NumField() {
		switch v.Type().Field(i).Name {
		case "Events", "Sources":
			continue
		}
		d.value(v.Field(i))
	}
	d.u64(uint64(ix.trailing))
}
