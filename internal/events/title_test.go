package events

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// titleTests are invented sentences, one class of what compose must do
// to each group, with the headline each gives.
var titleTests = []struct {
	class, in string
	dateline  bool
	want      string
}{
	// Datelines and agency credits.
	{"dateline", "OSTROW, May 3, 2025 – The ministry announced the visit on Monday.", true, "The ministry announced the visit on Monday"},
	{"dateline", "Ostrow (Wire) -- Rescuers pulled two miners from the collapsed shaft on Tuesday.", false, "Rescuers pulled two miners from the collapsed shaft on Tuesday"},
	{"dateline", "VELLGRAD (Tidings) - Farmers blocked the northern highway with tractors.", false, "Farmers blocked the northern highway with tractors"},
	{"dateline", "Tuesday 6 May: The union said it would strike.", false, "The union said it would strike"},
	{"dateline", "HALLAM: We have seen nothing like it in thirty years.", false, "We have seen nothing like it in thirty years"},
	// Date openers.
	{"date opener", "On September 17, 2031, Orla Vennick left Brisk by motorboat.", false, "Orla Vennick leaves Brisk by motorboat"},
	{"date opener", "On Monday, the Tarrow council approved the budget.", false, "The Tarrow council approved the budget"},
	{"date opener", "On Monday the Tarrow council approved the budget.", false, "The Tarrow council approved the budget"},
	{"date opener", "Late last week, inspectors closed the Dunmore bridge.", false, "Inspectors closed the Dunmore bridge"},
	{"date opener", "In 2029, Pellam Rail opened its first electric line.", false, "Pellam Rail opens its first electric line"},
	{"date opener", "Yesterday two men from Carrowby were charged with fraud.", false, "Two men from Carrowby were charged with fraud"},
	{"date opener", "Later in the day, soldiers moved onto the streets of Marrin.", false, "Soldiers moved onto the streets of Marrin"},
	{"date opener", "The next morning, Hesketh Mining halted work at the pit.", false, "Hesketh Mining halts work at the pit"},
	// Connectives and leading adverbials.
	{"connective", "But the Varrow senate rejected the treaty by two votes.", false, "The Varrow senate rejected the treaty by two votes"},
	{"connective", "Meanwhile, the Osk river burst its banks near Lune.", false, "The Osk river burst its banks near Lune"},
	{"connective", "However, Brannock Foods recalled its frozen pies.", false, "Brannock Foods recalled its frozen pies"},
	{"connective", "And the Kellish navy sent two frigates to the strait.", false, "The Kellish navy sent two frigates to the strait"},
	{"adverbial", "After inspecting the engines and the hull, Mara Quist proceeded to the harbour.", false, "Mara Quist proceeded to the harbour"},
	{"adverbial", "In response, the Delmar union called a national strike.", false, "The Delmar union called a national strike"},
	{"adverbial", "When the levee failed, residents of Porth fled to higher ground.", false, "Residents of Porth fled to higher ground"},
	{"adverbial", "Accompanied by the mining minister, Mara Quist toured the Vell quarry.", false, "Mara Quist tours the Vell quarry"},
	{"adverbial", "Despite warnings from engineers, the Tamsin dam was reopened.", false, "The Tamsin dam was reopened"},
	{"adverbial", "By then Gorran had claimed the attack, the agency said.", false, "By then Gorran had claimed the attack"},
	// Attribution.
	{"attribution", "The bridge will reopen in June, the official said.", false, "The bridge will reopen in June"},
	{"attribution", "The bridge will reopen in June, Mayor Ilse Varn said.", false, "Mayor Ilse Varn says the bridge will reopen in June"},
	{"attribution", "The dam held through the night, said Tomas Eld, the chief engineer.", false, "Tomas Eld says the dam held through the night"},
	{"attribution", "Four people died in the fire, according to the Lisk fire service.", false, "Four people died in the fire"},
	{"attribution", "According to the Lisk fire service, four people died in the fire.", false, "Four people died in the fire"},
	{"attribution", "Protesters gathered outside the palace, particularly students from Harl.", false, "Protesters gathered outside the palace, particularly students from Harl"},
	// Statements.
	{"statement", "Governor Ansel Brint said that the state would pay to rebuild the ferry pier.", false, "Governor Ansel Brint says the state would pay to rebuild the ferry pier"},
	{"statement", "Ansel Brint told reporters that the pier would reopen within a year.", false, "Ansel Brint tells reporters the pier would reopen within a year"},
	{"statement", "The Carrow ministry said it would not negotiate with the hijackers.", false, "The Carrow ministry said it would not negotiate with the hijackers"},
	// Quotations.
	{"quote", "“We will rebuild the pier,” Brint said.", false, "Brint says we will rebuild the pier"},
	{"quote", "\"The levee is safe,\" said Nadia Orlov, the county engineer.", false, "Nadia Orlov says the levee is safe"},
	{"quote", "“Down with the council!”", false, "Down with the council!"},
	// Appositives and relative clauses.
	{"appositive", "Lena Holt, the quarry's chief engineer, said the shaft had passed every test.", false, "Lena Holt says the shaft had passed every test"},
	{"appositive", "Vell Mining, which owns the quarry, closed the north shaft on Wednesday.", false, "Vell Mining closes the north shaft on Wednesday"},
	{"appositive", "Tarquin Lode, 54, was arrested at his home in Fenwick.", false, "Tarquin Lode was arrested at his home in Fenwick"},
	// "also" and demonstratives.
	{"also", "Mara Quist also inspected a shipyard on the Gale coast.", false, "Mara Quist inspects a shipyard on the Gale coast"},
	{"demonstrative", "That pipeline carried half of the region's gas until March.", false, "The pipeline carried half of the region's gas until March"},
	{"demonstrative", "These drones were built at a plant in Orsk.", false, "The drones were built at a plant in Orsk"},
	// Headline present tense.
	{"present", "Orla Vennick inspected the Tessel airfield.", false, "Orla Vennick inspects the Tessel airfield"},
	{"present", "Orla Vennick flew to Brisk on a chartered jet.", false, "Orla Vennick flies to Brisk on a chartered jet"},
	{"present", "Vennick and Dallow met at the border crossing.", false, "Vennick and Dallow meet at the border crossing"},
	{"present", "The Harlan Democrats urged a recount.", false, "The Harlan Democrats urged a recount"},
	{"present", "Police arrested three men near the Orsk terminal.", false, "Police arrested three men near the Orsk terminal"},
	// Run-on headings.
	{"run-on", "Fenwick dam is finally sealed The leaking dam in the Osk valley was plugged with concrete.", false, "Fenwick dam is finally sealed"},
	{"run-on", "Gunfire heard in Marrin They were ordered to leave the square.", false, "Gunfire heard in Marrin"},
	{"run-on", "Port chief gets two years in jail Port chief Tomas Eld has been jailed for two years for fraud at the Osk harbour.", false, "Port chief gets two years in jail"},
	{"run-on", "Police arrested Tomas Eld near the harbour on Monday after a chase through the old town.", false, "Police arrested Tomas Eld near the harbour after a chase through the old town"},
	{"attribution", "The council closed the old harbour on Monday, said ɐlex.", false, "The council closed the old harbour on Monday"},
	{"attribution", "The council closed the old harbour on Monday, said \u212Aelvin Holt.", false, "\u212Aelvin Holt says the council closed the old harbour on Monday"},
	{"caps heading", "PUMPS AND PIPES - DELAYED Plans to restart the Fell pumping station were shelved by the council.", false,
		"Plans to restart the Fell pumping station were shelved by the council"},
	{"caps heading", "HARBOUR WORKS Dredgers cleared the silted east channel of the Osk harbour.", false,
		"Dredgers cleared the silted east channel of the Osk harbour"},
	{"connective", "Later he claimed, dockers blocked the gates of the Osk terminal with two cranes.", false,
		"Dockers blocked the gates of the Osk terminal with two cranes"},
	{"attribution", "Lena Holt said, the dam would be drained before the spring floods reached Marrin.", false,
		"Lena Holt says the dam would be drained before the spring floods reached Marrin"},
	{"caps name kept", "NATO and the EU met in Osk to agree a new fisheries treaty on Tuesday.", false,
		"NATO and the EU meet in Osk to agree a new fisheries treaty on Tuesday"},
	{"report frame", "The harbour board of the Osk port authority reported that the storm has cost the port an estimated 40 million crowns (about 4 million euros) as of Friday.", false,
		"The storm has cost the port an estimated 40 million crowns as of Friday"},
	{"report frame", "Two former dock workers testified that the foreman of the night shift had hidden the cracked crane from the safety inspectors for weeks.", false,
		"The foreman of the night shift had hidden the cracked crane"},
	{"caps name kept", "WASHINGTON (Wire) - NATO Secretary-General Lena Holt urged allies to send more air defence to Osk.", true,
		"NATO Secretary-General Lena Holt urges allies to send more air defence to Osk"},
	{"caps heading", "2 - 9 MAY: PUMPS AND PIPES - DELAYED Plans to restart the Fell pumping station were shelved by the council.", false,
		"Plans to restart the Fell pumping station were shelved by the council"},
	{"attribution", "Police said, the two men were held at the Osk harbour after a chase through the old town.", false,
		"The two men were held at the Osk harbour after a chase through the old town"},
	// Compression: never cut, never over 80 characters.
	{"compress", "Inspectors from the regional mining authority say that the collapsed gallery had been reinforced with timber instead of steel supports.", false,
		"Inspectors from the regional mining authority say the collapsed gallery"},
	{"compress", "Vell Mining closed the north shaft on Wednesday after engineers found cracks in the roof of the main gallery.", false,
		"Vell Mining closes the north shaft after engineers found cracks"},
	{"compress", "The Selk port authority has been running the terminal at reduced capacity since Monday, and its software is expected back within days.", false,
		"The Selk port authority has been running the terminal at reduced capacity"},
	{"compress", "Riot police turned water cannon and tear gas on students in Harl on Wednesday night to try to clear the central square.", false,
		"Riot police turned water cannon and tear gas on students in Harl"},
	{"compress", "The chair of the Osk fisheries board stressed the critical timing of these long-delayed talks with Marrin, as Osk seeks fuel for the winter.", false,
		"The chair of the Osk fisheries board stressed the critical timing"},
	{"compress", "The harbour trust of the Marrin district council has approved the building beside the old customs quay, which floods every spring.", false,
		"The harbour trust of the Marrin district council has approved the building"},
	{"compress", "Fishing crews of the Osk cooperative wasted no time in voicing their worries regarding the new quotas for the winter season.", false,
		"Fishing crews of the Osk cooperative wasted no time in voicing their worries"},
	{"compress", "Dissent in the northern provinces had long been muted by either political manoeuvring or the steady threat of arrest, with the police out in force at every rally.", false,
		"Dissent in the northern provinces had long been muted"},
	{"compress", "Farmers had been expressing their anger over the rising cost of living, failed harvest policies and graft, but all of it was distilled into one demand: the governor's resignation.", false,
		"Farmers had been expressing their anger"},
	{"attribution", "Relatives of the missing crew have demanded a public inquiry, one of them said.", false,
		"Relatives of the missing crew have demanded a public inquiry"},
	{"light verb", "Amnesty Norland released a statement on Monday urging the Kellish government to free the detained journalists at once.", false,
		"Amnesty Norland urges the Kellish government to free the detained journalists"},
	{"compress", "The Tamsin dam, built in 1962 (when the valley was still farmland), was reopened to traffic after a two-year repair programme costing millions.", false,
		"The Tamsin dam was reopened to traffic after a two-year repair programme"},
	{"compress", "Engineers said at least 14 pumps were running at the Fell station and that the water level in the basement had fallen by a metre overnight.", false,
		"Engineers said at least 14 pumps were running at the Fell station"},
	{"compress", "The embattled governor went about his business as usual, meeting ministers and trade envoys from Kell, Osk and Marrin at his residence.", false,
		"The embattled governor went about his business as usual"},
	{"compress", "Wednesday is a working day across Norland, so the numbers in the square were expected to fall sharply by the evening.", false,
		"Wednesday is a working day across Norland"},
	{"compress", "Almost a week after flooding shut the Fell station, the pumps of the Carrow water board are working again at full capacity.", false,
		"Almost a week after flooding shut the Fell station"},
	{"compress", "The Norland embassy in Kell issued a message telling its citizens that areas near the river were no longer safe to visit.", false,
		"The Norland embassy in Kell issued a message telling its citizens"},
	// More of the classes above.
	{"adverbial", "Even as engineers sealed the breach, the Osk river rose again near Lune.", false, "The Osk river rose again near Lune"},
	{"adverbial", "Shortly after the vote, the Kell assembly dissolved itself.", false, "The Kell assembly dissolved itself"},
	{"also", "The inquiry set up to examine the collapse of the Vell quarry also began its hearings on Monday.", false, "The inquiry set up to examine the collapse of the Vell quarry began its hearings"},
	{"expletive", "There were no signs of the army pulling back from the Osk bridge.", false, "No signs of the army pulling back from the Osk bridge"},
	{"expletive", "It was unclear whether the Vell quarry would reopen this year.", false, "Unclear whether the Vell quarry would reopen this year"},
	{"ellipsis", "The old judge said that this court is my court...", false, "The old judge said this court is my court"},
	{"role", "Varrow Secretary of State Lena Holt urged all the parties in the dispute over the Osk dam to exercise restraint.", false, "Lena Holt urges all parties in dispute over Osk dam to exercise restraint"},
	{"role", "Opposition leader Tomas Eld arrived in Harl on Thursday and said he would stand in the coming election.", false, "Tomas Eld arrives in Harl and says he would stand in the coming election"},
	{"articles", "Rescuers pulled the last two miners from the collapsed north shaft of the Vell quarry late on Tuesday night.", false, "Rescuers pulled last two miners from collapsed north shaft of Vell quarry"},
	{"dash", "Wardens at the Lune reserve treated their first oiled bird - a young heron found on the beach near the Osk estuary.", false, "Wardens at the Lune reserve treated their first oiled bird"},
	{"quantifier", "Two Selk fishermen have filed a lawsuit for damages against all the companies that ran the rig.", false, "Two Selk fishermen have filed a lawsuit for damages against all the companies"},
	{"comma clause", "The Selk ferry terminals have been closed since the early hours of Monday, when staff found the booking software locked by ransomware.", false, "The Selk ferry terminals have been closed since the early hours of Monday"},
	{"infinitive", "The Varrow police department said on Tuesday that they did not intend to question the harbour master again this week.", false, "The Varrow police department said they did not intend to question the harbour"},
	{"statement", "Pellam Rail said on Friday that it had cancelled every night train to the coast.", false, "Pellam Rail says it had cancelled every night train to the coast"},
}

func TestCompose(t *testing.T) {
	for _, tt := range titleTests {
		got, _ := titleOf(tt.in, tt.dateline)
		if got != tt.want {
			t.Errorf("%s: titleOf(%q)\n got %q\nwant %q", tt.class, tt.in, got, tt.want)
		}
		checkTitle(t, got)
	}
}

// checkTitle fails on a title that is too long, cut off or ends on a
// function word.
func checkTitle(t *testing.T, title string) {
	t.Helper()
	if utf8.RuneCountInString(title) > maxTitle {
		t.Errorf("title %q is longer than %d characters", title, maxTitle)
	}
	if strings.HasSuffix(title, "…") || strings.HasSuffix(title, "...") {
		t.Errorf("title %q is cut off", title)
	}
	if dangling(title) {
		t.Errorf("title %q ends on a function word", title)
	}
}

// TestHeadlineResolvesSubject gives small sets of sentences of one
// source: the last one's subject stands for a noun phrase of the ones
// before it.
func TestHeadlineResolvesSubject(t *testing.T) {
	tests := []struct {
		class string
		in    []string
		want  string
	}{
		{"pronoun", []string{"Mara Quist arrived in Ostrow on Monday.", "She toured the Vell quarry."}, "Mara Quist tours the Vell quarry"},
		{"pronoun two back", []string{"Tomas Eld reached the dam at noon.", "The water was still rising.", "He ordered the spillway opened."}, "Tomas Eld orders the spillway opened"},
		{"possessive", []string{"Tomas Eld became chief engineer in May.", "His first act was to close the north shaft."}, "Tomas Eld’s first act was to close the north shaft"},
		{"they", []string{"Kell and Osk called a rail strike.", "They want higher pay for night shifts."}, "Kell and Osk want higher pay for night shifts"},
		{"the first", []string{"Officials opened two new shelters on the coast.", "The first opened near Lune on Monday."}, "First of two new shelters opened near Lune on Monday"},
		{"the two", []string{"Vennick and Dallow met at the border.", "The two leaders signed a water treaty."}, "Vennick and Dallow sign a water treaty"},
		{"bare definite", []string{"Orla Vennick’s visit to Brisk was announced on Friday.", "The visit has been kept secret."}, "Orla Vennick’s visit has been kept secret"},
	}
	for _, tt := range tests {
		sents := make([]Sentence, len(tt.in))
		for i, s := range tt.in {
			sents[i] = Sentence{Source: 0, Ordinal: i, Text: s}
		}
		last := len(sents) - 1
		got, basis := headline([]int{last}, sents, nil)
		if got != tt.want {
			t.Errorf("%s: headline = %q, want %q", tt.class, got, tt.want)
		}
		if basis.Sentence != last || basis.Subject < 0 || basis.Replaced == "" {
			t.Errorf("%s: basis = %+v, want sentence %d with its subject resolved", tt.class, basis, last)
		}
	}
}

func TestHeadlineAvoidsUnresolvedPronoun(t *testing.T) {
	sents := []Sentence{
		{Source: 0, Ordinal: 0, Text: "The storm reached the coast overnight."},
		{Source: 0, Ordinal: 1, Text: "He toured a lifeboat belonging to the northern fleet."},
		{Source: 1, Ordinal: 0, Text: "Mara Quist went on to inspect the lifeboats of the northern fleet in Ostrow."},
	}
	if got, want := title(headline([]int{1, 2}, sents, nil)), "Mara Quist goes on to inspect the lifeboats of the northern fleet in Ostrow"; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
	// Another source's sentence never names the subject.
	sents[2].Text = "Mara Quist flew home."
	sents[0] = Sentence{Source: 1, Ordinal: 0, Text: "Mara Quist arrived in Ostrow on Monday."}
	if got, _ := headline([]int{1}, sents, nil); !pronounStart(got) {
		t.Errorf("headline = %q, want its pronoun kept (the sentence before it is of another source)", got)
	}
}

func title(t string, _ TitleBasis) string { return t }

func TestTitleBasis(t *testing.T) {
	sents := []Sentence{{Text: "OSTROW, May 3 (Wire) – Meanwhile, Vell Mining, which owns the quarry, closed the north shaft, the company said."}}
	got, b := headline([]int{0}, sents, nil)
	if want := "Vell Mining closes the north shaft"; got != want {
		t.Fatalf("headline = %q, want %q", got, want)
	}
	var kinds []PartKind
	for _, d := range b.Dropped {
		kinds = append(kinds, d.Kind)
	}
	want := []PartKind{PartDateline, PartConnective, PartRelative, PartAttribution}
	if b.Sentence != 0 || b.Subject != -1 || !slicesEqual(kinds, want) {
		t.Errorf("basis = %+v, want sentence 0, no subject, dropped %v", b, want)
	}
}

func slicesEqual(a, b []PartKind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCoverageIsDeterministic: a sum of floats depends on its order, and
// the stems of a title are a map.
func TestCoverageIsDeterministic(t *testing.T) {
	sh := shared{weight: map[string]float64{"alpha": 0.1, "bravo": 0.2, "charl": 0.3, "delta": 0.7, "echoe": 0.11}, top: 3}
	first := sh.coverage("alpha bravo charlie delta echoes")
	for range 200 {
		if got := sh.coverage("alpha bravo charlie delta echoes"); got != first {
			t.Fatalf("coverage = %v, then %v", first, got)
		}
	}
}

// TestSingleSpace checks singleSpace against what it stands for,
// strings.Join(strings.Fields(s), " ").
func TestSingleSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\u00a0b", "a\u2009b", "a\u0085b",
		"“Kim” met  Putin ", "\xffa b", "a \xff", "Kim met Putin, aides said", "a\nb", "  "} {
		if got, want := singleSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("singleSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
