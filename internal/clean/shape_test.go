package clean

import (
	"testing"

	"github.com/timeline-ssg/timeline/internal/webpage"
	"github.com/timeline-ssg/timeline/internal/words"
)

func TestTimeStamp(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2 hours ago", true},
		{"an hour ago", true},
		{"September 12, 2024 at 9:14 pm", true},
		{"Sunday 14 April 2024, 6:12 pm", true},
		{"Published: 10:24 BST, 3 June 2024", true},
		{"Updated 3:45 PM", true},
		{"15 August 2024", true},
		{"Reply · 14", false},
		{"harbourdad77", false},
		{"Daniel Kiprono (Kenya), 2:11:48", false},
		{"Commuters crowd a bus terminal in Itaquera, June 12, 2024", false},
		{"The meeting starts at 7:30 pm on Monday.", false},
		{"Shares rose 3.5 per cent", false},
	}
	for _, tt := range tests {
		if got := timeStamp(tt.in, words.Split(tt.in)); got != tt.want {
			t.Errorf("timeStamp(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestBulletedAndSeparators(t *testing.T) {
	tests := []struct {
		in       string
		bulleted bool
		nav      bool
	}{
		{"• free travel for everyone under 18;", true, false},
		{"- a delay to this year's land tax payments;", true, false},
		{"1. Daniel Kiprono (Kenya), 2:11:48", true, false},
		{"12) the last item", true, false},
		{"• Home • News • Transport • Sport •", false, true},
		{"Home | News | Sport | Weather", false, true},
		{"You are here: Home > News > Transport", false, true},
		{"Anjali Rao · 4 min read · 17 April 2024", false, true},
		{"-5 degrees overnight", false, false},
		{"2024 was a hard year for growers.", false, false},
		{"Dockworkers walk out at the port of Lisbon over pay", false, false},
	}
	for _, tt := range tests {
		b := describe([]webpage.Block{{Text: tt.in, Line: 1}}, false, nil, nil)[0]
		if b.list != tt.bulleted || b.nav != tt.nav {
			t.Errorf("%q: list %v, nav %v; want %v, %v", tt.in, b.list, b.nav, tt.bulleted, tt.nav)
		}
	}
}

func TestHeadlineShaped(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Dockworkers walk out at the port of Lisbon over pay", true},
		{"Kim Jong Un Embarks on State Visit, Raising Concerns for U.S. Security", true},
		{"Dr. Ames takes charge at St. Aldric's", true},
		{"Rovers players celebrate with the trophy at Fenwick Park. (Photo: supplied)", false},
		{"The comet in a stack of exposures taken on 29 January. Image: K. Nangolo", false},
		{"The strike began on Sunday.", false},
		{"2:11:48", false},
	}
	for _, tt := range tests {
		b := describe([]webpage.Block{{Text: tt.in, Line: 1}}, false, nil, nil)[0]
		if got := headlineShaped(b); got != tt.want {
			t.Errorf("headlineShaped(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
