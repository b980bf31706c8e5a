package chronology

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// story returns events a to f, each dated by one source to a day of early
// March 2024 (sentences 0 to 5 of sources 0 and 1), plus the events given.
func story(extra map[string][]mention) map[string][]mention {
	evs := map[string][]mention{}
	for i := range 6 {
		d := day(2024, time.March, 1+2*i)
		evs[fmt.Sprintf("%c", 'a'+i)] = []mention{m(i%2, i, abs(d.Display(), d))}
	}
	for id, ms := range extra {
		evs[id] = ms
	}
	return evs
}

func TestSetAsideOutliers(t *testing.T) {
	tests := []struct {
		name    string
		evs     map[string][]mention
		date    string // the outlier event's date, "" undated
		aside   int    // evidence set aside
		why     string // in SetAsideWhy
		undated bool
	}{
		{
			name: "a partial date resolved a year off, one source: set aside, undated",
			evs:  story(map[string][]mention{"x": {m(2, 8, rel(temporal.Partial, "on March 4", day(2022, time.March, 4)))}}),
			date: "", aside: 1, why: "leaving the event undated", undated: true,
		},
		{
			name: "a bare year far off, one source: set aside",
			evs:  story(map[string][]mention{"x": {m(2, 8, rel(temporal.BareYear, "in 2009", year(2009)))}}),
			date: "", aside: 1, why: "only one source gives it", undated: true,
		},
		{
			name: "two independent sources keep a far date",
			evs: story(map[string][]mention{"x": {
				m(1, 8, rel(temporal.Partial, "on March 4", day(2022, time.March, 4))),
				m(2, 8, rel(temporal.Partial, "March 4", day(2022, time.March, 4))),
			}}),
			date: "2022-03-04",
		},
		{
			name: "the far date set aside, the near one dates the event",
			evs: story(map[string][]mention{"x": {
				m(2, 8, rel(temporal.Partial, "on March 4", day(2022, time.March, 4)), rel(temporal.Partial, "on March 4", day(2022, time.March, 4))),
				m(2, 9, rel(temporal.Weekday, "Tuesday", day(2024, time.March, 5))),
			}}),
			date: "2024-03-05", aside: 2, why: "set aside",
		},
		{
			name: "an explicit far date, one source: set aside too, undated",
			evs:  story(map[string][]mention{"x": {m(2, 8, abs("March 4, 2019", day(2019, time.March, 4)))}}),
			date: "", aside: 1, why: "leaving the event undated", undated: true,
		},
		{
			name: "a date within a year of the story is kept",
			evs:  story(map[string][]mention{"x": {m(2, 8, rel(temporal.Partial, "on June 4", day(2024, time.June, 4)))}}),
			date: "2024-06-04",
		},
		{
			name: "a story that spans years sets nothing aside",
			evs: map[string][]mention{
				"a": {m(0, 0, abs("2019", year(2019)))},
				"b": {m(0, 1, abs("2020", year(2020)))},
				"c": {m(0, 2, abs("2021", year(2021)))},
				"d": {m(0, 3, abs("2022", year(2022)))},
				"e": {m(0, 4, abs("2023", year(2023)))},
				"x": {m(2, 8, rel(temporal.BareYear, "in 2016", year(2016)))},
			},
			date: "2016",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(mustOrder(t, result(tt.evs), sources), "x")
			if got := d.Date.ISO(); got != tt.date || d.Undated() != tt.undated {
				t.Errorf("date %q (undated %v), want %q", got, d.Undated(), tt.date)
			}
			if len(d.SetAside) != tt.aside {
				t.Errorf("%d set aside %q, want %d", len(d.SetAside), texts(d.SetAside), tt.aside)
			}
			if !strings.Contains(d.SetAsideWhy, tt.why) || tt.why == "" && d.SetAsideWhy != "" {
				t.Errorf("SetAsideWhy %q, want it to say %q", d.SetAsideWhy, tt.why)
			}
			if tt.why != "" && !strings.Contains(d.Basis, d.SetAsideWhy) {
				t.Errorf("Basis %q does not say why", d.Basis)
			}
		})
	}
}
