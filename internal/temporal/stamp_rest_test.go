package temporal

import (
	"testing"
	"time"
)

// TestParseStampAfterTime checks what may follow an ISO date and time
// written with a space: a zone's name or an offset, and nothing else, so
// that a typo in a front matter date is an error rather than a date.
func TestParseStampAfterTime(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // RFC 3339, or "" for refused
	}{
		{"2019-11-18 10:00:00", "2019-11-18T10:00:00Z"},
		{"2019-11-18 10:00:00 EST", "2019-11-18T10:00:00Z"}, // the name is left out
		{"2019-11-18 10:00 UTC", "2019-11-18T10:00:00Z"},
		{"2023-09-11 08:00:00 +0200", "2023-09-11T08:00:00+02:00"},
		{"2023-09-11 08:00 -05:00", "2023-09-11T08:00:00-05:00"},
		{"2023-09-11 08:00 Z", "2023-09-11T08:00:00Z"},
		{"2023-09-11 08:00 nonsense here", ""},
		{"2023-09-11 08:00 PM", ""},
		{"2023-09-11 08:00 am", ""},
		{"2023-09-11 08:00 EST extra", ""},
		{"2023-09-11 08:00 +2", ""},
		{"2023-09-11 08:00 +02:0", ""},
		{"2023-09-11 08:00 Sept", ""},
	} {
		st, ok := ParseStamp(tt.in, time.UTC)
		switch {
		case tt.want == "" && ok:
			t.Errorf("ParseStamp(%q) = %v, want refused", tt.in, st.Time)
		case tt.want != "" && !ok:
			t.Errorf("ParseStamp(%q) refused, want %s", tt.in, tt.want)
		case ok && st.Time.Format(time.RFC3339) != tt.want:
			t.Errorf("ParseStamp(%q) = %s, want %s", tt.in, st.Time.Format(time.RFC3339), tt.want)
		}
		if _, err := ParseDate(tt.in); (err == nil) != (tt.want != "") {
			t.Errorf("ParseDate(%q): err %v, want accepted %v", tt.in, err, tt.want != "")
		}
	}
}
