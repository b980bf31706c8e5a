package chronology

import (
	"reflect"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// voteCases: independent sources settle a date, not sentences, and
// day-level agreement outweighs coarser expressions. Sources 0 and 1 are
// dated (March 5 and 6); the dates are as their expressions resolved.
var voteCases = []struct {
	name      string
	mentions  []mention
	date      temporal.Date
	conflicts int
}{
	{
		name: "a source repeating a day one off does not outvote two sources",
		mentions: []mention{
			m(0, 1, rel(temporal.Weekday, "Sunday", day(2024, time.March, 3))),
			m(0, 2, rel(temporal.Weekday, "Sunday night", day(2024, time.March, 3))),
			m(0, 3, rel(temporal.Weekday, "on Sunday", day(2024, time.March, 3))),
			m(1, 1, rel(temporal.Weekday, "Monday", day(2024, time.March, 4))),
			m(2, 1, abs("March 4, 2024", day(2024, time.March, 4))),
		},
		date:      day(2024, time.March, 4),
		conflicts: 3,
	},
	{
		name: "two sentences of one source against two sources",
		mentions: []mention{
			m(0, 1, rel(temporal.Weekday, "Sunday", day(2024, time.March, 3))),
			m(0, 2, rel(temporal.Weekday, "Sunday night", day(2024, time.March, 3))),
			m(1, 1, rel(temporal.Weekday, "Monday", day(2024, time.March, 4))),
			m(2, 1, abs("March 4, 2024", day(2024, time.March, 4))),
		},
		date:      day(2024, time.March, 4),
		conflicts: 2,
	},
	{
		name: "the one-day disagreement is shown as conflicts, whichever wins",
		mentions: []mention{
			m(0, 1, rel(temporal.Weekday, "Sunday", day(2024, time.March, 3))),
			m(1, 1, rel(temporal.Weekday, "Monday", day(2024, time.March, 4))),
			m(2, 1, abs("March 4, 2024", day(2024, time.March, 4))),
		},
		date:      day(2024, time.March, 4),
		conflicts: 1,
	},
	{
		name: "repeats still break a tie between sources",
		mentions: []mention{
			m(0, 1, rel(temporal.Weekday, "Sunday", day(2024, time.March, 3))),
			m(0, 2, rel(temporal.Weekday, "on Sunday", day(2024, time.March, 3))),
			m(1, 1, rel(temporal.Weekday, "Monday", day(2024, time.March, 4))),
		},
		date:      day(2024, time.March, 3),
		conflicts: 1,
	},
	{
		name: "two sources agreeing on a day outweigh a week that holds a disagreeing day",
		mentions: []mention{
			m(0, 1, rel(temporal.Relative, "this week", week(2024, time.March, 4, 7))),
			m(1, 1, rel(temporal.Relative, "this week", week(2024, time.March, 4, 7))),
			m(0, 2, rel(temporal.Weekday, "Tuesday", day(2024, time.March, 5))),
			m(1, 2, rel(temporal.Weekday, "Tuesday", day(2024, time.March, 5))),
			m(2, 2, rel(temporal.Weekday, "Thursday", day(2024, time.March, 7))),
			m(2, 3, rel(temporal.Relative, "this week", week(2024, time.March, 4, 7))),
		},
		date:      day(2024, time.March, 5),
		conflicts: 1,
	},
	{
		name: "two sources agreeing on a day outweigh a month that holds a disagreeing day",
		mentions: []mention{
			m(0, 1, abs("in March 2024", month(2024, time.March))),
			m(1, 1, abs("March 2024", month(2024, time.March))),
			m(2, 1, abs("in March 2024", month(2024, time.March))),
			m(0, 2, abs("March 9, 2024", day(2024, time.March, 9))),
			m(1, 2, abs("March 9, 2024", day(2024, time.March, 9))),
			m(2, 2, abs("March 10, 2024", day(2024, time.March, 10))),
		},
		date:      day(2024, time.March, 9),
		conflicts: 1,
	},
	{
		name: "days given by one source each leave the coarser date",
		mentions: []mention{
			m(0, 1, abs("in March 2024", month(2024, time.March))),
			m(1, 1, abs("March 2024", month(2024, time.March))),
			m(0, 2, abs("March 9, 2024", day(2024, time.March, 9))),
			m(1, 2, abs("March 10, 2024", day(2024, time.March, 10))),
		},
		date: month(2024, time.March),
	},
	{
		name: "one source repeating a day is not agreement",
		mentions: []mention{
			m(0, 1, rel(temporal.Relative, "this week", week(2024, time.March, 4, 7))),
			m(1, 1, rel(temporal.Relative, "this week", week(2024, time.March, 4, 7))),
			m(2, 1, rel(temporal.Relative, "this week", week(2024, time.March, 4, 7))),
			m(0, 2, rel(temporal.Weekday, "Tuesday", day(2024, time.March, 5))),
			m(0, 3, rel(temporal.Weekday, "on Tuesday", day(2024, time.March, 5))),
			m(1, 2, rel(temporal.Weekday, "Wednesday", day(2024, time.March, 6))),
		},
		date: week(2024, time.March, 4, 7),
	},
}

func TestVoteBySource(t *testing.T) {
	for _, tt := range voteCases {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustOrder(t, result(map[string][]mention{"ev": tt.mentions}), sources)
			d := ds[0]
			if !reflect.DeepEqual(d.Date, tt.date) {
				t.Errorf("Date = %v (%v), want %v (%v)", d.Date.ISO(), d.Date.Precision, tt.date.ISO(), tt.date.Precision)
			}
			if len(d.Conflicts) != tt.conflicts {
				t.Errorf("%d conflicts %q, want %d", len(d.Conflicts), texts(d.Conflicts), tt.conflicts)
			}
		})
	}
}
