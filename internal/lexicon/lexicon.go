// Package lexicon holds the closed word classes of English that the
// stages reading sentences need: the forms of irregular verbs and of the
// regular verbs news reports use most, pronouns, determiners,
// auxiliaries, subordinators, prepositions, and the names of months and
// weekdays. Words are looked up in lower case. The tables are built once
// at package initialisation and never written after.
package lexicon

import (
	"sort"
	"strings"
	"time"
)

// irregular lists irregular verbs as "base past participle", one a line;
// a past form that is also a present form ("put", "set") is marked with a
// leading "=".
const irregular = `
say said said
tell told told
go went gone
come came come
take took taken
make made made
meet met met
hold held held
begin began begun
see saw seen
get got got
give gave given
leave left left
fall fell fallen
rise rose risen
lose lost lost
strike struck struck
send sent sent
speak spoke spoken
write wrote written
find found found
lead led led
bring brought brought
become became become
run ran run
keep kept kept
pay paid paid
sell sold sold
shoot shot shot
fly flew flown
flee fled fled
catch caught caught
break broke broken
drive drove driven
choose chose chosen
seek sought sought
fight fought fought
win won won
buy bought bought
build built built
feel felt felt
hear heard heard
hide hid hidden
lay laid laid
mean meant meant
stand stood stood
teach taught taught
think thought thought
understand understood understood
withdraw withdrew withdrawn
overtake overtook overtaken
undertake undertook undertaken
arise arose arisen
bear bore borne
sink sank sunk
swim swam swum
spring sprang sprung
slide slid slid
speed sped sped
spend spent spent
sweep swept swept
tear tore torn
uphold upheld upheld
overthrow overthrew overthrown
withhold withheld withheld
forgive forgave forgiven
freeze froze frozen
hang hung hung
ride rode ridden
ring rang rung
shake shook shaken
shine shone shone
slay slew slain
stick stuck stuck
sting stung stung
strive strove striven
swing swung swung
weep wept wept
wind wound wound
throw threw thrown
wake woke woken
wear wore worn
know knew known
grow grew grown
draw drew drawn
steal stole stolen
swear swore sworn
forbid forbade forbidden
blow blew blown
bite bit bitten
dig dug dug
feed fed fed
forget forgot forgotten
lie lay lain
lend lent lent
light lit lit
mistake mistook mistaken
overcome overcame overcome
overrun overran overrun
overhear overheard overheard
rebuild rebuilt rebuilt
sit sat sat
shrink shrank shrunk
sleep slept slept
spin spun spun
stink stank stunk
stride strode stridden
tread trod trodden
undergo underwent undergone
withstand withstood withstood
show showed shown
do did done
have had had
thrust =thrust thrust
put =put put
set =set set
cut =cut cut
hit =hit hit
let =let let
shut =shut shut
quit =quit quit
spread =spread spread
cast =cast cast
cost =cost cost
hurt =hurt hurt
beat =beat beaten
bid =bid bid
burst =burst burst
shed =shed shed
split =split split
upset =upset upset
`

var (
	pastBase       = map[string]string{} // irregular past → base
	participleBase = map[string]string{} // irregular past participle → base
	ambiguousPast  = map[string]bool{}   // past forms that are also present forms
	regularBase    = map[string]string{} // regular past → base, for the verbs of regularVerbs
)

// regularVerbs are regular verbs news reports use most, in the base form.
const regularVerbs = `accept accuse acknowledge add admit agree aim allow announce appeal appear appoint
approve arrest arrive ask assure attack attempt attend award ban block bomb call cancel capture
charge claim close collapse comment condemn confirm consider criticise criticize declare decline
defend delay demand deny deploy describe destroy detain die discover discuss dismiss drop elect
end enter erupt evacuate expect explode express face file fire force free gather halt hand help
host hope ignore impose inspect insist introduce invite join kill land launch leak list march
mark move name note offer open order oust plan play pledge post praise present press promise
propose protest pull push question raise rally reach receive recover refuse reject release
remain remove reopen repeat replace report request rescue resign respond restore resume return
reveal rule sack seize seal sentence share ship sign spark start stop storm sue suggest support
surge suspend testify threaten tour travel try turn unveil urge use visit vote vow walk want warn
welcome withdraw work`

// doubled are regular verbs that double their last consonant: "ban",
// "banned".
const doubled = `ban drop plan ship stop`

func init() {
	for _, line := range strings.Split(strings.TrimSpace(irregular), "\n") {
		f := strings.Fields(line)
		base, past, part := f[0], f[1], f[2]
		if strings.HasPrefix(past, "=") {
			past = past[1:]
			ambiguousPast[past] = true
		} else if past != "had" && past != "did" && past != "showed" {
			pastBase[past] = base
		}
		participleBase[part] = base
	}
	dbl := map[string]bool{}
	for _, w := range strings.Fields(doubled) {
		dbl[w] = true
	}
	for _, b := range strings.Fields(regularVerbs) {
		var past string
		switch {
		case dbl[b]:
			past = b + b[len(b)-1:] + "ed"
		case strings.HasSuffix(b, "e"):
			past = b + "d"
		case strings.HasSuffix(b, "y") && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
			past = b[:len(b)-1] + "ied"
		default:
			past = b + "ed"
		}
		if _, ok := pastBase[past]; !ok {
			regularBase[past] = b
		}
	}
	for _, m := range []map[string]string{pastBase, regularBase} {
		for _, b := range m {
			presentForm[b], presentForm[ThirdPerson(b)] = true, true
		}
	}
}

// IrregularPast reports an irregular simple past form that is not also a
// present form: "said", "went", not "put".
func IrregularPast(w string) bool { _, ok := pastBase[w]; return ok }

// AmbiguousPast reports a past form that is also a present form: "put",
// "set", "cut".
func AmbiguousPast(w string) bool { return ambiguousPast[w] }

// IrregularParticiple reports an irregular past participle: "taken",
// "given", "said".
func IrregularParticiple(w string) bool {
	_, ok := participleBase[w]
	return ok && w != "had" || w == "been"
}

// PastBase returns the base form of a simple past the lexicon knows, an
// irregular one or one of the common regular verbs: "went" gives "go",
// "inspected" "inspect".
func PastBase(w string) (string, bool) {
	if b, ok := pastBase[w]; ok {
		return b, true
	}
	b, ok := regularBase[w]
	return b, ok
}

// ThirdPerson returns the third person singular present of a base form.
func ThirdPerson(b string) string {
	switch b {
	case "have":
		return "has"
	case "be":
		return "is"
	case "do", "go", "undergo":
		return b + "es"
	}
	switch {
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "z"):
		return b + "es"
	case len(b) > 1 && strings.HasSuffix(b, "y") && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	auxiliary = set(`am is are was were be been being has have had do does did will would shall should
	can could may might must`)
	subjectPronoun = set(`he she it they we i you`)
	possessive     = set(`his her its their our my your`)
	demonstrative  = set(`this these those that`)
	determiner     = set(`the a an this that these those its his her their our my your some any no each every`)
	subordinator   = set(`after before when while as since until once although though because if whereas unless whether`)
	preposition    = set(`about above across after against along amid among around at before behind below beneath
	beside besides between beyond by despite during except for from in inside into like near of off on onto
	outside over past per since through throughout to toward towards under underneath until unlike up upon
	via with within without`)
	conjunction = set(`and or but nor yet so`)
	pluralNoun  = set(`police people staff personnel men women children cattle clergy troops`)
)

// PluralNoun reports a noun that is plural without an "-s" of its own:
// "police", "people", "men".
func PluralNoun(w string) bool { return pluralNoun[w] }

// PastIsParticiple reports a simple past the lexicon knows that is also
// the past participle ("found", "inspected"), so that after a noun it
// may be a passive ("gunfire heard in …") rather than the verb.
func PastIsParticiple(w string) bool {
	if _, ok := regularBase[w]; ok {
		return true
	}
	b, ok := pastBase[w]
	if !ok {
		return false
	}
	pb, ok := participleBase[w]
	return ok && pb == b
}

// Auxiliary reports an auxiliary or modal verb: "was", "has", "will".
func Auxiliary(w string) bool { return auxiliary[w] }

// SubjectPronoun reports a personal pronoun that can be a subject: "he",
// "they".
func SubjectPronoun(w string) bool { return subjectPronoun[w] }

// Possessive reports a possessive determiner: "his", "their".
func Possessive(w string) bool { return possessive[w] }

// Demonstrative reports "this", "that", "these", "those".
func Demonstrative(w string) bool { return demonstrative[w] }

// Pronoun reports a word that stands for a noun phrase named elsewhere: a
// personal or possessive pronoun or a demonstrative.
func Pronoun(w string) bool { return subjectPronoun[w] || possessive[w] || demonstrative[w] }

// Determiner reports an article, demonstrative, possessive or quantifier
// that opens a noun phrase.
func Determiner(w string) bool { return determiner[w] }

// Subordinator reports a conjunction that opens a subordinate clause:
// "after", "because".
func Subordinator(w string) bool { return subordinator[w] }

// Preposition reports a preposition: "in", "amid".
func Preposition(w string) bool { return preposition[w] }

// FunctionWord reports a word that cannot end a headline: an article,
// preposition, conjunction, subordinator, auxiliary or possessive.
func FunctionWord(w string) bool {
	return determiner[w] || preposition[w] || conjunction[w] || subordinator[w] || auxiliary[w] || w == "that" || w == "than" || w == "who" || w == "which" || w == "whose" || w == "not" || quantifier[w]
}

var quantifier = set(`all both each every some any many much few several most more less such own`)

// personTitle are the titles and roles written before a person's name:
// "Interior Minister", "spokesman", "Dr".
var personTitle = set(`president vice-president secretary secretary-general minister premier leader spokesman
spokeswoman spokesperson chief director governor senator sen ambassador king queen prince princess
general gen commander official judge prosecutor coroner lawyer attorney dr mr mrs ms sir lord chairman
chairwoman chair envoy mayor pope analyst correspondent reporter engineer expert officer captain admiral
adm colonel col lieutenant lt sergeant sgt rep gov professor prof doctor cardiologist anesthesiologist
executive ceo founder head commissioner inspector detective sheriff`)

// PersonTitle reports a title or role written before a person's name:
// "minister", "spokesman", "dr".
func PersonTitle(w string) bool { return personTitle[w] }

// months are the month names, each with its abbreviations.
var months = [12][]string{
	{"january", "jan"}, {"february", "feb", "febr"}, {"march", "mar"}, {"april", "apr"}, {"may"},
	{"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"},
	{"october", "oct"}, {"november", "nov"}, {"december", "dec"},
}

// weekdays are the names of the days of the week, Sunday first.
var weekdays = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// MonthName is one way of writing a month: its name or an abbreviation.
type MonthName struct {
	Word   string
	Month  time.Month
	Abbrev bool
	// Common is true when the word is also a common English word
	// ("march", "may", "august") and names the month only capitalised.
	Common bool
}

// MonthNames lists every month name and abbreviation.
func MonthNames() []MonthName {
	var out []MonthName
	for i, names := range months {
		for k, w := range names {
			out = append(out, MonthName{Word: w, Month: time.January + time.Month(i), Abbrev: k > 0, Common: w == "march" || w == "may" || w == "august" || w == "mar"})
		}
	}
	return out
}

// Weekdays returns the names of the days of the week, indexed by
// time.Weekday.
func Weekdays() [7]string { return weekdays }

var monthOf, weekdayOf = func() (map[string]time.Month, map[string]time.Weekday) {
	m := map[string]time.Month{}
	for _, n := range MonthNames() {
		m[n.Word] = n.Month
	}
	d := map[string]time.Weekday{}
	for i, w := range weekdays {
		d[w] = time.Weekday(i)
	}
	return m, d
}()

// Month returns the month a word or abbreviation names.
func Month(w string) (time.Month, bool) { m, ok := monthOf[w]; return m, ok }

// Weekday returns the day of the week a word names.
func Weekday(w string) (time.Weekday, bool) { d, ok := weekdayOf[w]; return d, ok }

// presentForm holds the base and third person present forms of the verbs
// the lexicon knows.
var presentForm = map[string]bool{}

// PresentVerb reports a present form of a verb the lexicon knows the past
// of: "meet", "inspects", "says".
func PresentVerb(w string) bool { return presentForm[w] }

// IrregularPasts lists the forms IrregularPast reports, sorted.
func IrregularPasts() []string {
	out := make([]string, 0, len(pastBase))
	for w := range pastBase {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}
