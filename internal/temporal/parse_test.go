package temporal

import (
	"testing"
	"time"
)

// TestParseStamp checks every form ParseStamp reads, the ISO forms it
// reads itself and each layout of stampLayouts, and what it refuses.
func TestParseStamp(t *testing.T) {
	utc := time.UTC
	plus2 := time.FixedZone("", 2*3600)
	loc := time.FixedZone("site", -4*3600)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, utc) }
	tests := []struct {
		in        string
		want      time.Time
		precision Precision
		clock     bool
	}{
		// ISO 8601, read by parseISO.
		{"2023-09-11", day(2023, 9, 11), Day, false},
		{" 2023-09-11 ", day(2023, 9, 11), Day, false},
		{"20230911", day(2023, 9, 11), Day, false},
		{"2023-9-1", day(2023, 9, 1), Day, false},
		{"2023/09/11", day(2023, 9, 11), Day, false},
		{"2024-02-29", day(2024, 2, 29), Day, false},
		{"2023-09-11T08:00", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"2023-09-11T8:00:00Z", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"2023-09-11t08:00:00z", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"2023-09-11 08:00:00", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"2023-09-11T08:00:00.123456789Z", time.Date(2023, 9, 11, 8, 0, 0, 123456789, utc), Day, true},
		{"2023-09-11T08:00:00,5+02:00", time.Date(2023, 9, 11, 8, 0, 0, 5e8, plus2), Day, true},
		{"2023-09-11T08:00:00+0200", time.Date(2023, 9, 11, 8, 0, 0, 0, plus2), Day, true},
		{"2023-09-11T08:00:00+02", time.Date(2023, 9, 11, 8, 0, 0, 0, plus2), Day, true},
		{"2023-09-11 08:00:00 +0200 CEST", time.Date(2023, 9, 11, 8, 0, 0, 0, plus2), Day, true},
		{"2023-09-11 08:00:00 EST", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"2023-09-11T23:30:00-05:00", time.Date(2023, 9, 11, 23, 30, 0, 0, time.FixedZone("", -5*3600)), Day, true},
		// The layouts of stampLayouts, in order.
		{"Mon, 11 Sep 2023 08:00:00 +0200", time.Date(2023, 9, 11, 8, 0, 0, 0, plus2), Day, true},
		{"Mon, 11 Sep 2023 08:00:00 UTC", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"Mon, 4 Sep 2023 08:00:00 +0200", time.Date(2023, 9, 4, 8, 0, 0, 0, plus2), Day, true},
		{"Mon, 4 Sep 2023 08:00:00 UTC", time.Date(2023, 9, 4, 8, 0, 0, 0, utc), Day, true},
		{"4 Sep 2023 08:00:00 +0200", time.Date(2023, 9, 4, 8, 0, 0, 0, plus2), Day, true},
		{"Monday, 11-Sep-23 08:00:00 UTC", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"Mon Sep 11 08:00:00 2023", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"Mon Sep 11 08:00:00 UTC 2023", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"Mon Sep 11 2023 08:00:00 GMT+0200", time.Date(2023, 9, 11, 8, 0, 0, 0, plus2), Day, true},
		{"September 11, 2023, 8:00 PM UTC", time.Date(2023, 9, 11, 20, 0, 0, 0, utc), Day, true},
		{"September 11, 2023, 8:00 PM", time.Date(2023, 9, 11, 20, 0, 0, 0, loc), Day, true},
		{"September 11, 2023 8:00 AM UTC", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"September 11, 2023 8:00 AM", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"11 Sep 2023 08:00 UTC", time.Date(2023, 9, 11, 8, 0, 0, 0, utc), Day, true},
		{"11 Sep 2023 08:00", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"September 11, 2023 20:00", time.Date(2023, 9, 11, 20, 0, 0, 0, loc), Day, true},
		{"Sep 11, 2023 8:00 AM", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"Sep. 11, 2023 8:00 AM", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"September 11, 2023", day(2023, 9, 11), Day, false},
		{"Sep 11, 2023", day(2023, 9, 11), Day, false},
		{"Sep. 11, 2023", day(2023, 9, 11), Day, false},
		{"11 September 2023", day(2023, 9, 11), Day, false},
		{"11 Sep 2023", day(2023, 9, 11), Day, false},
		{"Monday, September 11, 2023", day(2023, 9, 11), Day, false},
		{"Mon, 11 Sep 2023", day(2023, 9, 11), Day, false},
		{"2023/09/11 08:00:05", time.Date(2023, 9, 11, 8, 0, 5, 0, loc), Day, true},
		{"2023/09/11 08:00", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"11.09.2023 08:00", time.Date(2023, 9, 11, 8, 0, 0, 0, loc), Day, true},
		{"11.09.2023", day(2023, 9, 11), Day, false},
		{"2023-09", day(2023, 9, 1), Month, false},
		{"2023", day(2023, 1, 1), Year, false},
	}
	for _, tt := range tests {
		got, ok := ParseStamp(tt.in, loc)
		if !ok || !got.Time.Equal(tt.want) || got.Precision != tt.precision || got.Clock != tt.clock {
			t.Errorf("ParseStamp(%q) = %v %v clock %v, %v; want %v %v clock %v", tt.in, got.Time, got.Precision, got.Clock, ok, tt.want, tt.precision, tt.clock)
			continue
		}
		// The date is the day as written, in the stamp's own zone.
		if _, off := got.Time.Zone(); off != func() int { _, o := tt.want.Zone(); return o }() {
			t.Errorf("ParseStamp(%q) is in zone offset %d, want %v", tt.in, off, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "Sept. 11, 2023", "2023-13-01", "2023-02-29", "2023-02-30", "2023-04-31",
		"2023-09-11T25:00", "2023-09-11T08:60", "2023-09-11T08:00+25:00", "2023-09-11T08:00 and more", "2023-09-11 and more",
		"2023-0911", "202309", "September 11", "11/09/2023 08:00"} {
		if got, ok := ParseStamp(bad, loc); ok {
			t.Errorf("ParseStamp(%q) = %v, want no stamp", bad, got)
		}
	}
}

// TestStampLayouts checks that every layout of stampLayouts reads back a
// moment written in it, at the layout's precision.
func TestStampLayouts(t *testing.T) {
	moment := time.Date(2023, 9, 4, 20, 5, 0, 0, time.UTC)
	for _, l := range stampLayouts {
		s := moment.Format(l.layout)
		got, ok := ParseStamp(s, time.UTC)
		if !ok || got.Precision != l.precision || got.Clock != l.clock {
			t.Errorf("layout %q: ParseStamp(%q) = %+v, %v", l.layout, s, got, ok)
			continue
		}
		want := moment.Truncate(time.Minute)
		switch {
		case l.precision == Year:
			want = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
		case l.precision == Month:
			want = time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)
		case !l.clock:
			want = time.Date(2023, 9, 4, 0, 0, 0, 0, time.UTC)
		}
		if !got.Time.Equal(want) {
			t.Errorf("layout %q: ParseStamp(%q) = %v, want %v", l.layout, s, got.Time, want)
		}
	}
}

// TestStampDate checks the calendar date of a stamp: the day as written,
// and the whole month or year.
func TestStampDate(t *testing.T) {
	for in, want := range map[string][2]string{
		"2023-09-11T23:30:00-05:00":       {"2023-09-11", ""},
		"Mon, 11 Sep 2023 23:30:00 -0500": {"2023-09-11", ""},
		"2023-09":                         {"2023-09", ""},
		"2024-02":                         {"2024-02", ""},
		"2023":                            {"2023", ""},
	} {
		st, ok := ParseStamp(in, time.UTC)
		d := st.Date()
		if !ok || d.ISO() != want[0] || d.EndISO() != want[1] {
			t.Errorf("ParseStamp(%q).Date() = %s %s, want %s", in, d.ISO(), d.EndISO(), want[0])
		}
	}
	if d := (Stamp{Time: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC), Precision: Month}).Date(); d.End.Day() != 29 {
		t.Errorf("February 2024 ends on the %d", d.End.Day())
	}
}
