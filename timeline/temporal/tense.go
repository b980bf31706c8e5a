package temporal

const (
	maxBack = 12
	maxFwd  = 8
)

// tense returns the tense of the clause around tokens [first, last), and
// false when no marker was found.
func (s *scanner) tense(first, last int) (Tense, bool) {
	best, bestDist, found := Past, maxBack+1, false
	present := false
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
				continue
			}
			best, bestDist, found = t, dist, true
			break
		}
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
			if dist < bestDist {
				return t, true
			}
			break
		}
	}
	if !found && present {
		return Present, true
	}
	return best, found
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
		if t.flags&fUpper == 0 && s.pastParticiple(t) && !s.passive(k) {
			return Past, true
		}
	}
	return 0, false
}

// passive reports whether the participle at token k follows be, been, is or
// are, and so tells nothing of the time.
func (s *scanner) passive(k int) bool {
	switch s.wordAt(k - 1) {
	case wBe, wIs:
		return true
	}
	return false
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
