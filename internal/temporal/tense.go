package temporal

const (
	maxBack = 12
	maxFwd  = 8
)

// tense returns the tense of the clause that governs tokens [first,
// last), and false when no marker was found. The governing verb is the
// nearest one before the expression in its clause: the nearest past or
// future marker before it wins, and a progressive ("is arriving Friday")
// or a participle that opens a clause (", arriving Friday") stops the
// search as present when no such marker precedes it. Only a clause with
// no marker before the expression takes its tense from the words after
// it ("Monday was calm"), so a reporting verb or a subordinate clause
// after the expression ("…, officials said"; "… on Monday that prices
// will rise") does not turn it around.
func (s *scanner) tense(first, last int) (Tense, bool) {
	present, progressive := false, false
	dist := 0
	for k := first - 1; k >= 0 && dist < maxBack; k-- {
		if s.boundary(k) {
			break
		}
		if s.toks[k].kind != tWord {
			continue
		}
		dist++
		if t, ok := s.marker(k); ok {
			if t == Present {
				present = true
				if s.ingAt(k + 1) {
					progressive = true // "is arriving": nothing before it governs
					break
				}
				continue
			}
			return t, true
		}
		if !progressive && s.ingAt(k) && s.punctAt(k-1, ',') {
			progressive = true // ", arriving Friday": unless a finite verb precedes
		}
	}
	if progressive {
		return Present, true
	}
	dist = 0
	for k := last; k < len(s.toks) && dist < maxFwd; k++ {
		if s.boundary(k) {
			break
		}
		if s.toks[k].kind != tWord {
			continue
		}
		dist++
		if t, ok := s.marker(k); ok {
			if t == Present {
				present = true
				continue
			}
			return t, true
		}
	}
	if present {
		return Present, true
	}
	return Past, false
}

// verbAt reports whether token k may be the verb of an infinitive: a
// lowercase word that is not a determiner, a number word or a date word.
func (s *scanner) verbAt(k int) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	t := &s.toks[k]
	if t.kind != tWord || t.flags&fUpper != 0 {
		return false
	}
	switch t.w {
	case wNone, wBe:
		return true
	}
	return false
}

// ingAt reports whether token k is a lowercase "-ing" word outside the
// vocabulary, a present participle ("arriving", not "morning" or "during").
func (s *scanner) ingAt(k int) bool {
	w, ok := s.plainWord(k)
	if !ok || len(w) < 6 || w[len(w)-3:] != "ing" {
		return false
	}
	switch w {
	case "nothing", "something", "anything", "everything", "building", "ceiling", "evening", "string", "thing", "spring", "bring":
		return false
	}
	return true
}

// boundary reports whether token k ends a clause: ";", "!", "?", or a "."
// that ends a sentence rather than an abbreviation ("Sept.", "Mr.", "U.S.").
func (s *scanner) boundary(k int) bool {
	t := &s.toks[k]
	if t.kind != tPunct {
		return false
	}
	switch t.val {
	case ';', '!', '?':
		return true
	case '.':
		if k+1 < len(s.toks) && s.glued(k+1) {
			return false
		}
		if k > 0 && s.toks[k-1].kind == tWord {
			p := &s.toks[k-1]
			if p.flags&fAbbrev != 0 || p.flags&fUpper != 0 && p.end-p.start <= 3 {
				return false
			}
		}
		return true
	}
	return false
}

// apostropheAt reports whether token k is an apostrophe.
func (s *scanner) apostropheAt(k int) bool {
	return s.punctAt(k, '\'') || s.punctAt(k, '’')
}

// marker returns the tense that the word at token k marks, if any.
func (s *scanner) marker(k int) (Tense, bool) {
	t := &s.toks[k]
	switch t.w {
	case wWill, wModal, wFutureIs, wNext, wComing:
		return Future, true
	case wMay:
		if t.flags&fUpper == 0 { // the modal, not the month
			return Future, true
		}
	case wLl:
		if s.glued(k) && s.apostropheAt(k-1) {
			return Future, true
		}
	case wRe:
		if s.glued(k) && s.apostropheAt(k-1) {
			return Present, true
		}
	case wWon:
		if s.glued(k+1) && s.apostropheAt(k+1) && s.glued(k+2) && s.wordAt(k+2) == wT {
			return Future, true
		}
		return Past, true
	case wSet, wPlan:
		if s.wordAt(k+1) == wTo {
			return Future, true
		}
	case wDue:
		switch s.wordAt(k - 1) {
		case wIs, wPastAux, wBe:
			return Future, true
		}
		if s.wordAt(k+1) == wTo && s.verbAt(k+2) { // "due to arrive", not "due to the storm"
			return Future, true
		}
	case wBe:
		if s.wordAt(k-1) == wTo { // "to be held Friday"
			return Future, true
		}
	case wIs:
		switch s.wordAt(k + 1) {
		case wFutureIs, wSet, wDue, wPlan, wTo:
			return Future, true
		}
		return Present, true
	case wPresAdv:
		return Present, true
	case wPastAux, wPastAdv:
		return Past, true
	case wPastVerb:
		if !s.passive(k) {
			return Past, true
		}
	case wNone:
		if t.flags&fUpper == 0 && intent[s.text[t.start:t.end]] && s.wordAt(k+1) == wTo && s.verbAt(k+2) {
			return Future, true // "agreed to meet on Saturday"
		}
		if t.flags&fUpper == 0 && s.pastParticiple(t) && !s.passive(k) {
			return Past, true
		}
	}
	return 0, false
}

// intent holds the past forms whose infinitive looks forward from them:
// "agreed to meet on Saturday", "vowed to return Friday".
var intent = map[string]bool{
	"agreed": true, "decided": true, "vowed": true, "promised": true, "pledged": true,
	"threatened": true, "offered": true, "wanted": true, "hoped": true, "intended": true,
	"prepared": true, "asked": true, "urged": true, "called": true, "invited": true, "voted": true,
}

// passive reports whether the participle at token k follows be, been, is or
// are, and so tells nothing of the time.
func (s *scanner) passive(k int) bool {
	p := k - 1
	if s.adverbAt(p) { // "will be officially released"
		p--
	}
	switch s.wordAt(p) {
	case wBe, wIs:
		return true
	}
	return false
}

// adverbAt reports whether token k is a lowercase word in "-ly" outside
// the vocabulary ("officially", "quickly").
func (s *scanner) adverbAt(k int) bool {
	w, ok := s.plainWord(k)
	return ok && len(w) > 4 && w[len(w)-2:] == "ly"
}

// plainWord returns the text of token k when it is a lowercase word
// outside the vocabulary, whose ending may then tell its part of speech.
func (s *scanner) plainWord(k int) (string, bool) {
	if k < 0 || k >= len(s.toks) {
		return "", false
	}
	t := &s.toks[k]
	if t.kind != tWord || t.w != wNone || t.flags&fUpper != 0 {
		return "", false
	}
	return s.text[t.start:t.end], true
}

// pastParticiple reports whether word token t ends in "-ed" but not "-eed"
// ("announced", not "need" or "proceed").
func (s *scanner) pastParticiple(t *token) bool {
	w := s.text[t.start:t.end]
	n := len(w)
	if n < 4 || w[n-2] != 'e' || w[n-1] != 'd' {
		return false
	}
	return w[n-3] != 'e'
}
