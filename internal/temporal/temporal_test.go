package temporal

import (
	"testing"
	"time"
)

// Reference days used by the table. W, a Wednesday, is the default.
const (
	W   = "2023-09-13" // Wednesday
	Mon = "2023-09-11" // Monday
	Sat = "2023-09-16" // Saturday
	Sun = "2023-09-17" // Sunday
	Jan = "2024-01-05" // Friday, early in a year
	Dec = "2023-12-20" // Wednesday, late in a year
	Jul = "2023-07-10" // Monday
	Non = ""           // no reference
)

// findCase is one row of the Find table. The row checks the first
// expression Find returns; a row with want == "" checks that there is none.
type findCase struct {
	text string
	ref  string // the reference day, or Non
	want string // the expression's text
	iso  string
	end  string
	prec Precision
	kind Kind
}

var findCases = []findCase{
	// Absolute dates.
	{"The attacks took place on September 11, 2001.", W, "September 11, 2001", "2001-09-11", "", Day, Absolute},
	{"The law was passed Sept. 11, 2023, by the senate.", W, "Sept. 11, 2023", "2023-09-11", "", Day, Absolute},
	{"The law took effect Sep 11 2023 after a vote.", W, "Sep 11 2023", "2023-09-11", "", Day, Absolute},
	{"The law took effect Sept 11, 2023.", W, "Sept 11, 2023", "2023-09-11", "", Day, Absolute},
	{"The ceasefire began 11 September 2023, officials said.", W, "11 September 2023", "2023-09-11", "", Day, Absolute},
	{"The ceasefire began 11 Sept. 2023.", W, "11 Sept. 2023", "2023-09-11", "", Day, Absolute},
	{"It happened on the 11th of September 2023.", W, "11th of September 2023", "2023-09-11", "", Day, Absolute},
	{"It happened Sept. 11th, 2023.", W, "Sept. 11th, 2023", "2023-09-11", "", Day, Absolute},
	{"SEPT. 11, 2023: FLOODS HIT THE COAST", W, "SEPT. 11, 2023", "2023-09-11", "", Day, Absolute},
	{"The report was filed 2023-09-11 with the court.", W, "2023-09-11", "2023-09-11", "", Day, Absolute},
	{"Logged at 2023-09-11T08:00:00Z by the sensor.", W, "2023-09-11", "2023-09-11", "", Day, Absolute},
	{"Records dated 9/11/2023 show the transfer.", W, "9/11/2023", "2023-09-11", "", Day, Absolute},
	{"Records dated 12/31/2022 show the transfer.", W, "12/31/2022", "2022-12-31", "", Day, Absolute},
	{"On Monday, Sept. 11, 2023, the vote took place.", W, "Monday, Sept. 11, 2023", "2023-09-11", "", Day, Absolute},
	{"The storm hit on Feb. 29, 2024.", W, "Feb. 29, 2024", "2024-02-29", "", Day, Absolute},
	{"The treaty was signed Jan. 3, 2024.", Non, "Jan. 3, 2024", "2024-01-03", "", Day, Absolute},
	{"The treaty was signed 3 January 2024.", Non, "3 January 2024", "2024-01-03", "", Day, Absolute},
	{"The company was founded in September 2023.", W, "September 2023", "2023-09", "", Month, Absolute},
	{"The company was founded in March 2020.", W, "March 2020", "2020-03", "", Month, Absolute},
	{"The company was founded in Sept. 2019.", W, "Sept. 2019", "2019-09", "", Month, Absolute},
	{"The company was founded in September of 2019.", W, "September of 2019", "2019-09", "", Month, Absolute},
	{"The company was founded in early September 2019.", W, "early September 2019", "2019-09", "", Month, Absolute},
	{"The plan dates from May 2021.", Non, "May 2021", "2021-05", "", Month, Absolute},
	{"The festival ran Sept. 16-17, 2023, in the park.", W, "Sept. 16-17, 2023", "2023-09-16", "2023-09-17", Week, Absolute},
	{"The festival ran Sept. 16–17, 2023, in the park.", W, "Sept. 16–17, 2023", "2023-09-16", "2023-09-17", Week, Absolute},
	{"The festival ran 16–17 September 2023.", W, "16–17 September 2023", "2023-09-16", "2023-09-17", Week, Absolute},
	{"The strike lasted Aug. 30 – Sept. 2, 2023.", W, "Aug. 30 – Sept. 2, 2023", "2023-08-30", "2023-09-02", Week, Absolute},
	{"The strike lasted Aug. 30-Sept. 2, 2023.", W, "Aug. 30-Sept. 2, 2023", "2023-08-30", "2023-09-02", Week, Absolute},
	{"The holiday closure runs Dec. 30 – Jan. 2, 2024.", W, "Dec. 30 – Jan. 2, 2024", "2023-12-30", "2024-01-02", Week, Absolute},
	{"The strike lasted 30 August – 2 September 2023.", W, "30 August – 2 September 2023", "2023-08-30", "2023-09-02", Week, Absolute},

	// Bare years.
	{"Sales fell sharply in 2022.", W, "2022", "2022", "", Year, BareYear},
	{"Prices have risen since 2019.", W, "2019", "2019", "", Year, BareYear},
	{"The plant will close by 2030.", W, "2030", "2030", "", Year, BareYear},
	{"In the summer of 2022, the river dried up.", W, "2022", "2022", "", Year, BareYear},
	{"During 2020, travel collapsed.", W, "2020", "2020", "", Year, BareYear},
	{"Growth slowed in mid-2021.", W, "mid-2021", "2021", "", Year, BareYear},
	{"The rollout starts in early 2024.", W, "early 2024", "2024", "", Year, BareYear},
	{"The rollout starts in late 2024.", Non, "late 2024", "2024", "", Year, BareYear},
	{"Results for fiscal 2023 were weak.", W, "2023", "2023", "", Year, BareYear},
	{"The war began in 1939.", W, "1939", "1939", "", Year, BareYear},

	// Partial dates: the year comes from the reference and the tense.
	{"The bridge collapsed on Sept. 11.", W, "Sept. 11", "2023-09-11", "", Day, Partial},
	{"The bridge collapsed on Sept. 20.", W, "Sept. 20", "2022-09-20", "", Day, Partial},
	{"The bridge collapsed on Sept. 13.", W, "Sept. 13", "2023-09-13", "", Day, Partial},
	{"The trial will begin Sept. 20.", W, "Sept. 20", "2023-09-20", "", Day, Partial},
	{"The trial will begin Sept. 13.", W, "Sept. 13", "2023-09-13", "", Day, Partial},
	{"The trial will begin Sept. 5.", W, "Sept. 5", "2024-09-05", "", Day, Partial},
	{"The trial is set to begin Sept. 5.", W, "Sept. 5", "2024-09-05", "", Day, Partial},
	{"The vote is on Sept. 20.", W, "Sept. 20", "2023-09-20", "", Day, Partial},
	{"The vote is on Sept. 5.", W, "Sept. 5", "2023-09-05", "", Day, Partial},
	{"The fire broke out on Dec. 30.", Jan, "Dec. 30", "2023-12-30", "", Day, Partial},
	{"The fire broke out on Dec. 30 near the town.", Jan, "Dec. 30", "2023-12-30", "", Day, Partial},
	{"The talks will resume on Jan. 3.", Dec, "Jan. 3", "2024-01-03", "", Day, Partial},
	{"The talks resumed Jan. 3.", Dec, "Jan. 3", "2023-01-03", "", Day, Partial},
	{"The talks are expected to resume Jan. 3.", Dec, "Jan. 3", "2024-01-03", "", Day, Partial},
	{"The ceasefire began 11 September, officials said.", W, "11 September", "2023-09-11", "", Day, Partial},
	{"The ceasefire began on the 11th of September.", W, "11th of September", "2023-09-11", "", Day, Partial},
	{"It opened September 11 to crowds.", W, "September 11", "2023-09-11", "", Day, Partial},
	{"The shop reopened May 5 after repairs.", W, "May 5", "2023-05-05", "", Day, Partial},
	{"The shop reopened on March 15.", W, "March 15", "2023-03-15", "", Day, Partial},
	{"The leap day fell on Feb. 29.", W, "Feb. 29", "2020-02-29", "", Day, Partial},
	{"The festival will run Sept. 16-17.", W, "Sept. 16-17", "2023-09-16", "2023-09-17", Week, Partial},
	{"The festival ran Sept. 1-3.", W, "Sept. 1-3", "2023-09-01", "2023-09-03", Week, Partial},
	{"The bridge collapsed on Sept. 11.", Non, "Sept. 11", "", "", Unknown, Partial},
	{"In July, inflation slowed.", W, "July", "2023-07", "", Month, Partial},
	{"The company will launch the product in February.", W, "February", "2024-02", "", Month, Partial},
	{"The merger closed in September.", W, "September", "2023-09", "", Month, Partial},
	{"The merger will close in September.", W, "September", "2023-09", "", Month, Partial},
	{"The merger closed in October.", W, "October", "2022-10", "", Month, Partial},
	{"The merger is planned for December.", Jan, "December", "2024-12", "", Month, Partial},
	{"The merger closed in December.", Jan, "December", "2023-12", "", Month, Partial},
	{"The merger will close in January.", Dec, "January", "2024-01", "", Month, Partial},
	{"Prices have doubled since July.", W, "July", "2023-07", "", Month, Partial},
	{"Rains peaked in mid-July.", W, "mid-July", "2023-07", "", Month, Partial},
	{"Rains peaked in early August.", W, "early August", "2023-08", "", Month, Partial},
	{"Rains peaked in late Aug.", W, "late Aug.", "2023-08", "", Month, Partial},
	{"The dam failed last July.", W, "last July", "2023-07", "", Month, Partial},
	{"The dam failed last July.", Jul, "last July", "2022-07", "", Month, Partial},
	{"The dam opens next March.", W, "next March", "2024-03", "", Month, Partial},
	{"The dam opened this July.", W, "this July", "2023-07", "", Month, Partial},
	{"The dam will open in July.", Non, "July", "", "", Unknown, Partial},

	// Weekdays.
	{"The minister resigned on Monday.", W, "Monday", "2023-09-11", "", Day, Weekday},
	{"The minister will resign on Monday.", W, "Monday", "2023-09-18", "", Day, Weekday},
	{"Officials said Wednesday that the road was closed.", W, "Wednesday", "2023-09-13", "", Day, Weekday},
	{"Officials will meet Wednesday.", W, "Wednesday", "2023-09-13", "", Day, Weekday},
	{"The court will rule Monday.", Mon, "Monday", "2023-09-11", "", Day, Weekday},
	{"The court ruled on Monday.", Mon, "Monday", "2023-09-11", "", Day, Weekday},
	{"The court ruled on Tuesday.", Mon, "Tuesday", "2023-09-05", "", Day, Weekday},
	{"Shelling resumed Sunday night.", W, "Sunday night", "2023-09-10", "", Day, Weekday},
	{"Shelling resumed late Sunday.", W, "late Sunday", "2023-09-10", "", Day, Weekday},
	{"Shelling resumed early Thursday.", W, "early Thursday", "2023-09-07", "", Day, Weekday},
	{"Earlier Monday, officials confirmed the toll.", W, "Earlier Monday", "2023-09-11", "", Day, Weekday},
	{"Police arrived Monday morning.", W, "Monday morning", "2023-09-11", "", Day, Weekday},
	{"The storm hit last Tuesday.", W, "last Tuesday", "2023-09-12", "", Day, Weekday},
	{"The storm hit last Wednesday.", W, "last Wednesday", "2023-09-06", "", Day, Weekday},
	{"The storm arrives next Friday.", W, "next Friday", "2023-09-15", "", Day, Weekday},
	{"The storm arrives next Wednesday.", W, "next Wednesday", "2023-09-20", "", Day, Weekday},
	{"The board will vote this Friday.", W, "this Friday", "2023-09-15", "", Day, Weekday},
	{"The board voted this Friday.", W, "this Friday", "2023-09-08", "", Day, Weekday},
	{"The board met this past Monday.", W, "this past Monday", "2023-09-11", "", Day, Weekday},
	{"The board meets this coming Sunday.", W, "this coming Sunday", "2023-09-17", "", Day, Weekday},
	{"Crowds are gathering Thursday in the square.", W, "Thursday", "2023-09-14", "", Day, Weekday},
	{"Crowds are gathering on Monday in the square.", W, "Monday", "2023-09-11", "", Day, Weekday},
	{"Markets have been volatile since Monday.", W, "Monday", "2023-09-11", "", Day, Weekday},
	{"The results are due Friday.", W, "Friday", "2023-09-15", "", Day, Weekday},
	{"He'll travel to Kyiv on Friday.", W, "Friday", "2023-09-15", "", Day, Weekday},
	{"The talks won't resume until Thursday.", W, "Thursday", "2023-09-14", "", Day, Weekday},
	{"On Monday, the president will visit the border.", W, "Monday", "2023-09-18", "", Day, Weekday},
	{"Saturday's match was called off.", W, "Saturday", "2023-09-09", "", Day, Weekday},
	{"The vote will be held on Tuesday.", W, "Tuesday", "2023-09-19", "", Day, Weekday},
	{"The minister resigned on Monday.", Non, "Monday", "", "", Unknown, Weekday},
	{"Sunday, 10 September was chosen.", W, "Sunday, 10 September", "2023-09-10", "", Day, Partial},
	{"Voting ends Friday.", Sat, "Friday", "2023-09-15", "", Day, Weekday},

	// Relative expressions.
	{"The ministry announced the plan today.", W, "today", "2023-09-13", "", Day, Relative},
	{"The president speaks tonight.", W, "tonight", "2023-09-13", "", Day, Relative},
	{"The fire was contained this morning.", W, "this morning", "2023-09-13", "", Day, Relative},
	{"The fire was contained earlier today.", W, "earlier today", "2023-09-13", "", Day, Relative},
	{"The fire was contained yesterday.", W, "yesterday", "2023-09-12", "", Day, Relative},
	{"The fire was contained yesterday afternoon.", W, "yesterday afternoon", "2023-09-12", "", Day, Relative},
	{"The fire was contained last night.", W, "last night", "2023-09-12", "", Day, Relative},
	{"The fire was contained late last night.", W, "late last night", "2023-09-12", "", Day, Relative},
	{"The parade is tomorrow.", W, "tomorrow", "2023-09-14", "", Day, Relative},
	{"He had arrived the day before.", W, "the day before", "2023-09-12", "", Day, Relative},
	{"The previous day, he had left.", W, "The previous day", "2023-09-12", "", Day, Relative},
	{"The next day, he left.", W, "The next day", "2023-09-14", "", Day, Relative},
	{"The following day the rain stopped.", W, "The following day", "2023-09-14", "", Day, Relative},
	{"It rained the day before yesterday.", W, "the day before yesterday", "2023-09-11", "", Day, Relative},
	{"It will rain the day after tomorrow.", W, "the day after tomorrow", "2023-09-15", "", Day, Relative},
	{"Two days later, officials said the toll rose.", W, "Two days later", "2023-09-15", "", Day, Relative},
	{"The dam broke three days ago.", W, "three days ago", "2023-09-10", "", Day, Relative},
	{"The dam broke 10 days ago.", W, "10 days ago", "2023-09-03", "", Day, Relative},
	{"The dam broke 10 days ago.", Non, "10 days ago", "", "", Unknown, Relative},
	{"The results would be announced on 14 September.", W, "14 September", "2023-09-14", "", Day, Partial},
	{"The shop could reopen on Tuesday.", W, "Tuesday", "2023-09-19", "", Day, Weekday},
	{"A day earlier, the dam broke.", W, "A day earlier", "2023-09-12", "", Day, Relative},
	{"The dam will be inspected two days from now.", W, "two days from now", "2023-09-15", "", Day, Relative},
	{"The vote will be held in two days.", W, "in two days", "2023-09-15", "", Day, Relative},
	{"The dam broke a week ago.", W, "a week ago", "2023-09-04", "2023-09-10", Week, Relative},
	{"The dam broke two weeks ago.", W, "two weeks ago", "2023-08-28", "2023-09-03", Week, Relative},
	{"Three weeks later the repairs ended.", W, "Three weeks later", "2023-10-02", "2023-10-08", Week, Relative},
	{"The dam broke two months ago.", W, "two months ago", "2023-07", "", Month, Relative},
	{"The dam broke five years ago.", W, "five years ago", "2018", "", Year, Relative},
	{"The dam broke one year ago.", W, "one year ago", "2022", "", Year, Relative},
	{"Protests erupted this weekend.", W, "this weekend", "2023-09-09", "2023-09-10", Week, Relative},
	{"Protests will spread this weekend.", W, "this weekend", "2023-09-16", "2023-09-17", Week, Relative},
	{"Protests spread this weekend.", Sat, "this weekend", "2023-09-16", "2023-09-17", Week, Relative},
	{"Protests spread this weekend.", Sun, "this weekend", "2023-09-16", "2023-09-17", Week, Relative},
	{"Protests erupted this weekend.", Mon, "this weekend", "2023-09-09", "2023-09-10", Week, Relative},
	{"Protests erupted over the weekend.", W, "the weekend", "2023-09-09", "2023-09-10", Week, Relative},
	{"Protests spread this past weekend.", W, "this past weekend", "2023-09-09", "2023-09-10", Week, Relative},
	{"Protests spread last weekend.", W, "last weekend", "2023-09-09", "2023-09-10", Week, Relative},
	{"Protests spread last weekend.", Sun, "last weekend", "2023-09-09", "2023-09-10", Week, Relative},
	{"Protests will spread next weekend.", W, "next weekend", "2023-09-23", "2023-09-24", Week, Relative},
	{"Talks began this week.", W, "this week", "2023-09-11", "2023-09-17", Week, Relative},
	{"Talks began earlier this week.", W, "earlier this week", "2023-09-11", "2023-09-17", Week, Relative},
	{"Talks will begin later this week.", W, "later this week", "2023-09-11", "2023-09-17", Week, Relative},
	{"Talks began last week.", W, "last week", "2023-09-04", "2023-09-10", Week, Relative},
	{"Talks began last week.", Jan, "last week", "2023-12-25", "2023-12-31", Week, Relative},
	{"Talks will begin next week.", W, "next week", "2023-09-18", "2023-09-24", Week, Relative},
	{"Talks began the following week.", W, "the following week", "2023-09-18", "2023-09-24", Week, Relative},
	{"Talks will continue in the coming week.", W, "the coming week", "2023-09-14", "2023-09-20", Week, Relative},
	{"Talks will continue in the coming days.", W, "the coming days", "2023-09-14", "2023-09-20", Week, Relative},
	{"Talks continued over the past week.", W, "the past week", "2023-09-06", "2023-09-12", Week, Relative},
	{"Prices rose this month.", W, "this month", "2023-09", "", Month, Relative},
	{"Prices rose last month.", W, "last month", "2023-08", "", Month, Relative},
	{"Prices rose last month.", Jan, "last month", "2023-12", "", Month, Relative},
	{"Prices will rise next month.", W, "next month", "2023-10", "", Month, Relative},
	{"Prices rose earlier this year.", W, "earlier this year", "2023", "", Year, Relative},
	{"Prices rose last year.", W, "last year", "2022", "", Year, Relative},
	{"Prices will rise by the end of the year.", W, "the end of the year", "2023", "", Year, Relative},
	{"Prices rose at the start of the month.", Jan, "the start of the month", "2024-01", "", Month, Relative},
	{"Prices rose late last year.", W, "late last year", "2022", "", Year, Relative},
	{"Prices will rise next year.", Dec, "next year", "2024", "", Year, Relative},
	{"Prices fell the previous year.", W, "the previous year", "2022", "", Year, Relative},
	{"The fire was contained yesterday.", Non, "yesterday", "", "", Unknown, Relative},
	{"Protests spread this weekend.", Non, "this weekend", "", "", Unknown, Relative},

	// Not dates.
	{"The convoy traveled 2,000 km across the desert.", W, "", "", "", Unknown, 0},
	{"A Tu-160 bomber flew over the sea.", W, "", "", "", Unknown, 0},
	{"The deal is worth $24 billion.", W, "", "", "", Unknown, 0},
	{"Winds reached 37 miles per hour.", W, "", "", "", Unknown, 0},
	{"COVID-19 cases rose again.", W, "", "", "", Unknown, 0},
	{"His blood pressure was 120 over 80.", W, "", "", "", Unknown, 0},
	{"Two MiG-31 jets were scrambled.", W, "", "", "", Unknown, 0},
	{"One of 2000 people was hurt.", W, "", "", "", Unknown, 0},
	{"The company employs 2023 workers.", W, "", "", "", Unknown, 0},
	{"The index rose 3.5 percent.", W, "", "", "", Unknown, 0},
	{"The meeting ran from 10:30 to 11:45.", W, "", "", "", Unknown, 0},
	{"It was the highest level in two years.", W, "", "", "", Unknown, 0},
	{"Protesters march in the capital.", W, "", "", "", Unknown, 0},
	{"Officials may decide soon.", W, "", "", "", Unknown, 0},
	{"The 1990s were turbulent.", W, "", "", "", Unknown, 0},
	{"The 2022-23 season was cut short.", W, "", "", "", Unknown, 0},
	{"They won 3-2 in the final.", W, "", "", "", Unknown, 0},
	{"Flight 2022 landed safely.", W, "", "", "", Unknown, 0},
	{"The Sunday Times reported the leak.", W, "", "", "", Unknown, 0},
	{"Sales rose on Good Friday.", W, "", "", "", Unknown, 0},
	{"A magnitude 7.1 quake struck.", W, "", "", "", Unknown, 0},
	{"The F-16 fleet was grounded.", W, "", "", "", Unknown, 0},
	{"He paid £2023 for the car.", W, "", "", "", Unknown, 0},
	{"The law was passed on Feb. 30.", W, "", "", "", Unknown, 0},
	{"Two days after the attack, police made arrests.", W, "", "", "", Unknown, 0},
	{"The last time they met was tense.", W, "", "", "", Unknown, 0},
	{"Page 11 of the report.", W, "", "", "", Unknown, 0},
	{"Prices rose to $1999 for the base model.", W, "", "", "", Unknown, 0},
	{"The fine was raised to €2000.", W, "", "", "", Unknown, 0},
	{"The COVID-19 March lockdown ended.", W, "", "", "", Unknown, 0},
	{"Sales rose 3.2 percent in 2023-24.", W, "", "", "", Unknown, 0},
	{"The vote was 11-5 in favor.", W, "", "", "", Unknown, 0},
}

// ref returns the Reference for a table's reference day.
func ref(t testing.TB, day string) Reference {
	t.Helper()
	if day == Non {
		return Reference{}
	}
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	return Reference{Date: d, Known: true}
}

func TestFind(t *testing.T) {
	if len(findCases) < 120 {
		t.Errorf("only %d cases", len(findCases))
	}
	pass := 0
	for _, c := range findCases {
		es := Find(c.text, ref(t, c.ref))
		ok := true
		fail := func(format string, args ...any) {
			t.Helper()
			ok = false
			t.Errorf("Find(%q) ref %s: "+format, append([]any{c.text, c.ref}, args...)...)
		}
		switch {
		case c.want == "":
			if len(es) != 0 {
				fail("found %v, want nothing", es)
			}
		case len(es) == 0:
			fail("found nothing, want %q", c.want)
		default:
			e := es[0]
			if e.Text != c.want {
				fail("text %q, want %q (all: %v)", e.Text, c.want, es)
			}
			if got := e.Date.ISO(); got != c.iso {
				fail("%q: ISO %q, want %q", e.Text, got, c.iso)
			}
			if got := e.Date.EndISO(); got != c.end {
				fail("%q: EndISO %q, want %q", e.Text, got, c.end)
			}
			if e.Date.Precision != c.prec {
				fail("%q: precision %v, want %v", e.Text, e.Date.Precision, c.prec)
			}
			if e.Kind != c.kind {
				fail("%q: kind %v, want %v", e.Text, e.Kind, c.kind)
			}
		}
		if ok {
			pass++
		}
	}
	t.Logf("%d of %d cases pass", pass, len(findCases))
}

func TestFindTense(t *testing.T) {
	cases := []struct {
		text string
		want Tense
	}{
		{"The minister resigned on Monday.", Past},
		{"The minister said Monday that he will resign.", Past},
		{"The minister will resign on Monday.", Future},
		{"On Monday, the minister will resign.", Future},
		{"The minister is set to resign on Monday.", Future},
		{"The minister is scheduled to speak Monday.", Future},
		{"The minister is expected to speak Monday.", Future},
		{"The minister plans to resign Monday.", Future},
		{"The report is due to be published Monday.", Future},
		{"The upcoming vote on Monday is close.", Future},
		{"They'll vote Monday.", Future},
		{"They won't vote until Monday.", Future},
		{"The vote will be held Monday.", Future},
		{"Crowds are gathering on Monday.", Present},
		{"They're marching Monday.", Present},
		{"The minister resigned. He will speak Monday.", Future},
		{"He will speak. The minister resigned Monday.", Past},
		{"Monday was calm.", Past},
		{"Protests on Monday.", Past},
		{"Talks next week.", Future},
		{"Talks today.", Present},
		{"Talks last week.", Past},
	}
	r := ref(t, W)
	for _, c := range cases {
		es := Find(c.text, r)
		var got []Tense
		for _, e := range es {
			got = append(got, e.Tense)
		}
		if len(es) == 0 || es[len(es)-1].Tense != c.want {
			t.Errorf("Find(%q): tenses %v, want the last %v", c.text, got, c.want)
		}
	}
}

func TestFindSeveral(t *testing.T) {
	text := "He said Monday that talks that began Sept. 1 will end next week, after a ceasefire from 2019 to 2022."
	es := Find(text, ref(t, W))
	want := []struct {
		text, iso string
	}{
		{"Monday", "2023-09-11"},
		{"Sept. 1", "2023-09-01"},
		{"next week", "2023-09-18"},
		{"2019", "2019"},
		{"2022", "2022"},
	}
	if len(es) != len(want) {
		t.Fatalf("Find(%q) = %v, want %d expressions", text, es, len(want))
	}
	for i, w := range want {
		e := es[i]
		if e.Text != w.text || e.Date.ISO() != w.iso || text[e.Start:e.End] != e.Text {
			t.Errorf("expression %d = %v [%s], want %q %s", i, e, e.Date.ISO(), w.text, w.iso)
		}
	}
}

func TestFindReferenceTimeOfDay(t *testing.T) {
	// Only the civil date of the reference counts, in its own zone.
	loc := time.FixedZone("UTC-5", -5*3600)
	r := Reference{Date: time.Date(2023, 9, 13, 23, 30, 0, 0, loc), Known: true}
	es := Find("The fire was contained yesterday.", r)
	if len(es) != 1 || es[0].Date.ISO() != "2023-09-12" {
		t.Errorf("got %v, want yesterday = 2023-09-12", es)
	}
}

func TestFindNoAllocWithoutExpressions(t *testing.T) {
	text := "The convoy traveled 2,000 km across the desert before officials reached the border crossing."
	r := ref(t, W)
	allocs := testing.AllocsPerRun(100, func() { Find(text, r) })
	if allocs != 0 {
		t.Errorf("Find allocates %v times on a sentence without dates, want 0", allocs)
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in        string
		iso, end  string
		precision Precision
	}{
		{"2023-09-11", "2023-09-11", "", Day},
		{"2023-09-11T08:00:00Z", "2023-09-11", "", Day},
		{"2023-09-11T23:30:00-05:00", "2023-09-11", "", Day},
		{"2023-09-11T08:00:00.123Z", "2023-09-11", "", Day},
		{"2023-09-11 08:00:00", "2023-09-11", "", Day},
		{"Mon, 11 Sep 2023 08:00:00 GMT", "2023-09-11", "", Day},
		{"Mon, 11 Sep 2023 08:00:00 +0000", "2023-09-11", "", Day},
		{"September 11, 2023", "2023-09-11", "", Day},
		{"Sept. 11, 2023", "2023-09-11", "", Day},
		{"Sep 11, 2023", "2023-09-11", "", Day},
		{"11 September 2023", "2023-09-11", "", Day},
		{"Sep 11 2023", "2023-09-11", "", Day},
		{"  Monday, Sept. 11, 2023. ", "2023-09-11", "", Day},
		{"9/11/2023", "2023-09-11", "", Day},
		{"September 2023", "2023-09", "", Month},
		{"2023-09", "2023-09", "", Month},
		{"2023", "2023", "", Year},
		{"Sept. 16-17, 2023", "2023-09-16", "2023-09-17", Week},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.in, err)
			continue
		}
		if d.ISO() != c.iso || d.EndISO() != c.end || d.Precision != c.precision {
			t.Errorf("ParseDate(%q) = %s %s %v, want %s %s %v", c.in, d.ISO(), d.EndISO(), d.Precision, c.iso, c.end, c.precision)
		}
	}
	for _, bad := range []string{"", "yesterday", "Sept. 11", "Monday", "next week", "September 11, 2023 and more", "2023-13-01", "2023-02-30", "Feb. 30, 2023", "soon"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, d)
		}
	}
}
