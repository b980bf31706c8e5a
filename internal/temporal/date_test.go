package temporal

import (
	"testing"
	"time"
)

func TestDateForms(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		name    string
		date    Date
		iso     string
		end     string
		display string
	}{
		{"day", DayOf(2023, time.September, 11), "2023-09-11", "", "Sep 11, 2023"},
		{"day normalized", DayOf(2023, time.October, 32), "2023-11-01", "", "Nov 1, 2023"},
		{"week one day", Date{d(2023, 9, 11), d(2023, 9, 11), Week}, "2023-09-11", "", "Sep 11, 2023"},
		{"weekend", span(d(2023, 9, 16), d(2023, 9, 17)), "2023-09-16", "2023-09-17", "Sep 16–17, 2023"},
		{"across months", span(d(2023, 8, 30), d(2023, 9, 2)), "2023-08-30", "2023-09-02", "Aug 30 – Sep 2, 2023"},
		{"across years", span(d(2023, 12, 30), d(2024, 1, 2)), "2023-12-30", "2024-01-02", "Dec 30, 2023 – Jan 2, 2024"},
		{"day span", Date{d(2023, 9, 16), d(2023, 9, 17), Day}, "2023-09-16", "2023-09-17", "Sep 16–17, 2023"},
		{"month", monthDate(2023, time.September), "2023-09", "", "September 2023"},
		{"february leap", monthDate(2024, time.February), "2024-02", "", "February 2024"},
		{"year", yearDate(2023), "2023", "", "2023"},
		{"unknown", Date{}, "", "", "date unknown"},
	}
	for _, c := range cases {
		if got := c.date.ISO(); got != c.iso {
			t.Errorf("%s: ISO = %q, want %q", c.name, got, c.iso)
		}
		if got := c.date.EndISO(); got != c.end {
			t.Errorf("%s: EndISO = %q, want %q", c.name, got, c.end)
		}
		if got := c.date.Display(); got != c.display {
			t.Errorf("%s: Display = %q, want %q", c.name, got, c.display)
		}
		if got := c.date.String(); got != c.display {
			t.Errorf("%s: String = %q, want %q", c.name, got, c.display)
		}
		if c.date.IsZero() != (c.iso == "") {
			t.Errorf("%s: IsZero = %v", c.name, c.date.IsZero())
		}
	}
	if m := monthDate(2024, time.February); !m.End.Equal(d(2024, 2, 29)) {
		t.Errorf("February 2024 ends %v, want Feb 29", m.End)
	}
	if y := yearDate(2023); !y.Start.Equal(d(2023, 1, 1)) || !y.End.Equal(d(2023, 12, 31)) {
		t.Errorf("2023 spans %v..%v", y.Start, y.End)
	}
}

func TestContainsOverlaps(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	sep11 := DayOf(2023, time.September, 11)
	weekend := span(d(2023, 9, 16), d(2023, 9, 17))
	week := span(d(2023, 9, 11), d(2023, 9, 17))
	cross := span(d(2023, 8, 30), d(2023, 9, 2))
	sep := monthDate(2023, time.September)
	aug := monthDate(2023, time.August)
	y2023 := yearDate(2023)
	cases := []struct {
		name               string
		a, b               Date
		contains, overlaps bool
	}{
		{"day in itself", sep11, sep11, true, true},
		{"day in month", sep, sep11, true, true},
		{"month not in day", sep11, sep, false, true},
		{"day in year", y2023, sep11, true, true},
		{"weekend in week", week, weekend, true, true},
		{"day in week", week, sep11, true, true},
		{"cross-month span in month", sep, cross, false, true},
		{"cross-month span in other month", aug, cross, false, true},
		{"cross-month span in year", y2023, cross, true, true},
		{"months apart", aug, sep, false, false},
		{"day outside weekend", weekend, sep11, false, false},
		{"other year", yearDate(2022), sep11, false, false},
		{"unknown contains nothing", Date{}, sep11, false, false},
		{"unknown lies in nothing", y2023, Date{}, false, false},
	}
	for _, c := range cases {
		if got := c.a.Contains(c.b); got != c.contains {
			t.Errorf("%s: Contains = %v, want %v", c.name, got, c.contains)
		}
		if got := c.a.Overlaps(c.b); got != c.overlaps {
			t.Errorf("%s: Overlaps = %v, want %v", c.name, got, c.overlaps)
		}
		if got := c.b.Overlaps(c.a); got != c.overlaps {
			t.Errorf("%s: Overlaps reversed = %v, want %v", c.name, got, c.overlaps)
		}
	}
}

func TestStrings(t *testing.T) {
	for p, want := range map[Precision]string{Unknown: "unknown", Year: "year", Month: "month", Week: "week", Day: "day", 9: "Precision(9)"} {
		if got := p.String(); got != want {
			t.Errorf("Precision(%d).String() = %q, want %q", int(p), got, want)
		}
	}
	for k, want := range map[Kind]string{Absolute: "absolute", Partial: "partial", Weekday: "weekday", Relative: "relative", BareYear: "year", 9: "Kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
	for tn, want := range map[Tense]string{Past: "past", Present: "present", Future: "future", 9: "Tense(9)"} {
		if got := tn.String(); got != want {
			t.Errorf("Tense(%d).String() = %q, want %q", int(tn), got, want)
		}
	}
}

func TestPhraseTableWords(t *testing.T) {
	// indexPhrases panics at init on an unknown word; check every phrase
	// is reachable from its first word.
	n := 0
	for _, ps := range phraseIndex {
		n += len(ps)
	}
	if n != len(phraseTable) {
		t.Errorf("index holds %d phrases, table %d", n, len(phraseTable))
	}
}
