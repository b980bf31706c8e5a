package temporal

import (
	"testing"
	"time"
)

func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.text, int64(0), c.ref != Non)
	}
	for _, s := range benchSentences()[:60] {
		f.Add(s, int64(86400*7), true)
	}
	for _, s := range []string{
		"", " ", ".", "Sept.", "Sept. 31", "Feb. 29", "Dec. 30 – Jan.", "2023-02-29", "9/31/2023",
		"in in in 2023 2023 2023", "mid-", "-2023", "last", "the day before", "Monday, ", "’ll",
		"Sept. 11-", "11–", "Aug. 30 – Sept. 99, 2023", "on\u00a0Monday", "Montréal Monday", "\xff\xfe Monday",
		"99999999999999999999 days ago", "the 11th of", "between 2019 and and 2022", "2023-09-11T",
	} {
		f.Add(s, int64(0), true)
	}
	base := time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, shift int64, known bool) {
		// Keep the reference within a few thousand years of 2023.
		shift %= 100000 * 86400
		ref := Reference{Date: base.Add(time.Duration(shift) * time.Second), Known: known}
		es := Find(text, ref)
		prev := 0
		for i, e := range es {
			if e.Start < prev || e.Start >= e.End || e.End > len(text) {
				t.Fatalf("expression %d %v has offsets %d:%d (previous end %d, text length %d)", i, e, e.Start, e.End, prev, len(text))
			}
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("expression %d: Text %q != text[%d:%d] %q", i, e.Text, e.Start, e.End, text[e.Start:e.End])
			}
			if !e.Date.IsZero() && e.Date.End.Before(e.Date.Start) {
				t.Fatalf("expression %d %v: End %v before Start %v", i, e, e.Date.End, e.Date.Start)
			}
			if e.Date.IsZero() != (e.Date.ISO() == "") {
				t.Fatalf("expression %d %v: IsZero %v but ISO %q", i, e, e.Date.IsZero(), e.Date.ISO())
			}
			if !known && e.Kind != Absolute && e.Kind != BareYear && !e.Date.IsZero() {
				t.Fatalf("expression %d %v resolved without a reference", i, e)
			}
			if known && e.Date.IsZero() {
				t.Fatalf("expression %d %v not resolved with a reference", i, e)
			}
			_ = e.Date.Display()
			prev = e.End
		}
		if d, err := ParseDate(text); err == nil {
			if d.IsZero() || d.End.Before(d.Start) {
				t.Fatalf("ParseDate(%q) = %#v", text, d)
			}
			// The ISO form parses back to the same date.
			if d.EndISO() == "" {
				back, err := ParseDate(d.ISO())
				if err != nil || back != d {
					t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", text, d, d.ISO(), back, err)
				}
			}
		}
	})
}
