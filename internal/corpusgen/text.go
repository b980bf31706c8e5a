package corpusgen

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/words"
)

// sentences splits a paragraph after ., ? or ! (and any closing quote)
// followed by a space and a capital, a digit or an opening quote, unless
// the word before the stop is an abbreviation ("Mr.", "U.S.", "Jan.").
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		end := i + 1
		for end < len(p) {
			r, n := utf8.DecodeRuneInString(p[end:])
			if r != '"' && r != '”' && r != '’' && r != '\'' && r != ')' {
				break
			}
			end += n
		}
		if end >= len(p) || p[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[end+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '"' && next != '“' && next != '‘' {
			continue
		}
		if c == '.' && abbreviation(p[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:end]))
		start = end + 1
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// abbreviation reports whether the text before a period ends with a word
// that is abbreviated rather than ending a sentence.
func abbreviation(before string) bool {
	w := before[strings.LastIndexAny(before, " (\"“")+1:]
	if utf8.RuneCountInString(w) == 1 || strings.Contains(w, ".") {
		return true // "J." or "U.S."
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm", "Rep", "Sen", "Gov",
		"Prof", "Rev", "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Inc", "Co", "Corp", "Jr", "Sr", "vs":
		return true
	}
	return false
}

// respin returns p with every word that is not a stop word replaced by one
// drawn from the topic by frequency: a lower-case word for a lower-case
// word, a name for a name, a number for a number. The paragraph keeps the
// shape of real prose (its function words, punctuation and rhythm) but
// shares no wording with p or with another respin of it.
func respin(p string, t *topic, r *rand.Rand) string {
	var b strings.Builder
	last := 0
	sentenceStart := true
	for _, tok := range words.Split(p) {
		b.WriteString(p[last:tok.Start])
		if strings.ContainsAny(p[last:tok.Start], ".?!") {
			sentenceStart = true
		}
		last = tok.End
		w := tok.Text
		lw := strings.ToLower(w)
		switch {
		case words.IsStop(lw):
			b.WriteString(w)
		case kindOf(w) == wordNumber:
			b.WriteString(pick(r, t.numbers))
		case kindOf(w) == wordLower:
			b.WriteString(pick(r, t.lower))
		case sentenceStart:
			b.WriteString(capitalize(pick(r, t.lower)))
		default:
			b.WriteString(pick(r, t.names))
		}
		sentenceStart = false
	}
	b.WriteString(p[last:])
	return b.String()
}

// maxRewriteOverlap is the largest share of a rewrite's five-word
// sequences (or of the original's, if it has fewer) that the original may
// have too: a rewrite keeps the facts, not the wording.
const maxRewriteOverlap = 0.3

// rewrite returns the story told again in other words, as a second paper
// would: some sentences dropped, some joined, the order changed, and many
// words replaced, by a synonym where one is known, else by another word of
// the topic. Names and numbers, the facts, are kept, unless rewording
// again and again leaves too much of the original's wording: then names
// go too.
func rewrite(paras []string, t *topic, r *rand.Rand) []string {
	var sents []string
	for _, p := range paras {
		sents = append(sents, sentences(p)...)
	}
	// Drop about one sentence in five, keeping at least two.
	kept := sents[:0:0]
	for _, s := range sents {
		if r.Float64() >= 0.2 {
			kept = append(kept, s)
		}
	}
	if len(kept) < 2 {
		kept = append(kept[:0], sents[:min(2, len(sents))]...)
	}
	// Reorder: a couple of passes of random neighbour swaps, so that facts
	// move but the lead stays near the top.
	for range 2 {
		for i := 0; i+1 < len(kept); i++ {
			if r.Float64() < 0.5 {
				kept[i], kept[i+1] = kept[i+1], kept[i]
				i++
			}
		}
	}
	// Join about one pair in four.
	var joined []string
	for i := 0; i < len(kept); i++ {
		if i+1 < len(kept) && r.Float64() < 0.25 {
			joined = append(joined, strings.TrimRight(kept[i], ".!? ")+", and "+lowerFirst(kept[i+1]))
			i++
			continue
		}
		joined = append(joined, kept[i])
	}
	orig := shingleSet(strings.Join(paras, " "))
	for pass := 0; pass == 0 || pass < 8 && overlap(orig, shingleSet(strings.Join(joined, " "))) > maxRewriteOverlap; pass++ {
		for i, s := range joined {
			joined[i] = reword(s, t, r, pass >= 3)
		}
	}
	// New paragraphs of one to three sentences.
	var out []string
	for i := 0; i < len(joined); {
		n := min(len(joined)-i, 1+r.IntN(3))
		out = append(out, strings.Join(joined[i:i+n], " "))
		i += n
	}
	return out
}

// reword replaces words of s: each lower-case word with a known synonym
// usually, and other lower-case content words now and then by a word of
// the topic; with names set, names now and then by other names.
func reword(s string, t *topic, r *rand.Rand, names bool) string {
	var b strings.Builder
	last := 0
	for _, tok := range words.Split(s) {
		b.WriteString(s[last:tok.Start])
		last = tok.End
		w := tok.Text
		switch syn, ok := synonyms[w]; {
		case ok && r.Float64() < 0.9:
			b.WriteString(syn[r.IntN(len(syn))])
		case kindOf(w) == wordLower && !words.IsStop(w) && len(w) > 3 && r.Float64() < 0.35:
			b.WriteString(pick(r, t.lower))
		case names && kindOf(w) == wordName && tok.Start > 0 && r.Float64() < 0.3:
			b.WriteString(pick(r, t.names))
		default:
			b.WriteString(w)
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// shingleSet returns the hashes of the five-word sequences of s.
func shingleSet(s string) map[uint64]struct{} {
	set := map[uint64]struct{}{}
	for _, g := range gramHashes(s) {
		set[g] = struct{}{}
	}
	return set
}

// overlap is the share of the smaller set that the larger has too.
func overlap(a, b map[uint64]struct{}) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// headline makes a title from the first words of a sentence.
func headline(s string, r *rand.Rand) string {
	toks := words.Split(s)
	n := min(len(toks), 6+r.IntN(5))
	for n > 1 && words.IsStop(strings.ToLower(toks[n-1].Text)) {
		n--
	}
	if n == 0 {
		return "News"
	}
	ws := make([]string, n)
	for i := range ws {
		ws[i] = toks[i].Text
	}
	return capitalize(strings.Join(ws, " "))
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func capitalize(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}

// lowerFirst lower-cases the first letter of s when its first word is a
// common word rather than a name.
func lowerFirst(s string) string {
	toks := words.Split(s)
	if len(toks) == 0 || toks[0].Start != 0 {
		return s
	}
	if w := strings.ToLower(toks[0].Text); words.IsStop(w) || w == "the" {
		c, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToLower(c)) + s[n:]
	}
	return s
}

// synonyms maps common words of news reports to words a rewrite might use
// instead.
var synonyms = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(`said|told|stated|added
says|states|adds|tells
told|informed|said to|assured
people|residents|individuals|citizens
killed|slain|left dead
government|administration|authorities
officials|authorities|representatives
official|spokesman|representative
country|nation
countries|nations|states
city|town|capital
president|leader|head of state
leaders|chiefs|heads
forces|troops|soldiers
troops|forces|soldiers
protesters|demonstrators|activists
demonstrators|protesters|crowds
attack|assault|raid
attacks|assaults|raids
large|big|sizeable
big|large|major
small|minor|modest
important|key|significant
major|significant|large
increase|rise|growth
rose|climbed|increased
fell|dropped|declined
began|started|got under way
start|begin|launch
started|began|launched
ended|finished|concluded
help|aid|assistance
need|require
wanted|sought|hoped
want|seek|hope
believe|think|consider
believed|thought|considered
show|reveal|indicate
showed|revealed|indicated
shows|reveals|indicates
week|seven days
weeks|several weeks
meeting|talks|session
talks|negotiations|discussions
statement|announcement|release
report|account|dispatch
reports|accounts|claims
warned|cautioned|alerted
called|urged|demanded
asked|requested|urged
announced|declared|revealed
agreed|accepted|consented
refused|declined|rejected
continue|carry on|persist
continued|carried on|persisted
recent|latest|new
early|initial|first
later|subsequently|afterwards
before|prior to|ahead of
during|throughout|amid
near|close to|outside
across|throughout|all over
several|a number of|various
many|numerous|scores of
most|the majority of
about|around|roughly
almost|nearly|close to
nearly|almost|close to
including|among them|such as
because|as|since
however|but|yet
also|too|as well
still|yet|even now
again|once more|anew
area|region|district
areas|regions|districts
situation|position|state of affairs
problem|difficulty|issue
problems|difficulties|issues
decision|ruling|move
plan|proposal|scheme
plans|proposals|schemes
group|organisation|body
company|firm|business
workers|staff|employees
children|youngsters|young people
health|medical
died|was killed|lost their lives
hospital|clinic|medical centre
town|city|community
house|home|residence
homes|houses|residences
support|backing|help
opposition|rivals|critics
fighting|clashes|combat
violence|unrest|bloodshed
crisis|emergency|turmoil
economy|economic system
money|funds|cash
oil|crude|petroleum
spill|leak|discharge
virus|disease|infection
cases|infections|instances
deaths|fatalities|dead
percent|per cent
expected|anticipated|forecast
likely|probable
possible|potential|feasible
difficult|hard|tough
clear|plain|evident
quickly|rapidly|swiftly
immediately|at once|straight away
move|step|measure
face|confront|meet
faced|confronted|met
tried|attempted|sought
try|attempt|seek
gave|handed|provided
give|hand|provide
took|seized|captured
take|seize|capture
make|create|produce
made|created|produced
held|staged|kept
hold|stage|keep
left|quit|departed
leave|quit|depart
found|discovered|located
went|headed|travelled
came|arrived|turned up
saw|witnessed|observed
seen|witnessed|observed`, "\n") {
		parts := strings.Split(line, "|")
		m[parts[0]] = parts[1:]
	}
	return m
}()

// siteLines are the short lines a site puts above or below an article.
var siteLines = []string{
	"Posted by the news desk",
	"Share this article",
	"Read more on this story",
	"Follow us on Twitter for the latest updates.",
	"Photo: Reuters",
	"Comments (12)",
	"Sign up for our daily newsletter",
	"Updated at 14:32",
	"Most read",
	"Print this page",
}

// notes are paragraphs an aggregator adds at the top or the bottom of a
// story it carries; %s is the original publisher.
var notes = []string{
	"This article was first published by %s and is republished here with permission. All rights reserved by the original publisher.",
	"Editor's note: this report comes from our partners at %s. We carry it as part of our continuing coverage; views expressed are the reporter's own.",
	"Copyright %s. This material may not be published, broadcast, rewritten or redistributed without the written permission of the copyright holder.",
	"Want more stories like this from %s? Subscribe to our morning briefing and get the day's top headlines in your inbox before breakfast.",
}

// corrections are lines an editor appends when a story was wrong; the
// first %s is a name, the second a number.
var corrections = []string{
	"Correction: an earlier version of this article misspelled the name of %s. It also gave the wrong figure of %s in the fourth paragraph.",
	"This story has been corrected to show that %s did not attend the meeting, and that the figure quoted was %s.",
	"Clarification: a previous version of this report attributed a quote to %s in error. The number cited, %s, has also been updated.",
	"Update: this article was amended to remove a reference to %s, and the total in the second paragraph was changed to %s.",
}

// mirrors are sites that republish other publishers' stories.
var mirrors = []string{"Newsfeed Mirror", "Headline Hub", "World Digest", "Daily Roundup", "Wire Archive", "Press Cuttings"}

// papers are other publishers that report the same stories in their own
// words.
var papers = []string{"Meridian Post", "Riverside Chronicle", "Valley Tribune", "Capital Dispatch", "Lakeside Observer",
	"Northgate Record", "Daily Lantern", "Crescent Sentinel", "Harbour Times", "Evening Courier"}

// authors are invented reporters' names.
var authors = []string{"Amira Haddad", "Tom Whitlock", "Lena Okafor", "Rafael Moreno", "Priya Nair", "Jonas Berg",
	"Claire Dubois", "Samuel Osei", "Hana Sato", "Marek Novak", "Grace Liu", "Omar Khalil"}
