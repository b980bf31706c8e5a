package temporal

import "time"

// Years outside this range are not taken for years: "1500 cases", "3000 km".
const (
	minYear = 1800
	maxYear = 2199
)

// form is what a matched expression means, before it is resolved.
type form uint8

const (
	fmDate    form = iota + 1 // y-m-d, y == 0 when left out; a range to m2-d2 when m2 != 0
	fmMonth                   // y-m, y == 0 when left out
	fmYear                    // y
	fmWeekday                 // wd
	fmDays                    // the day n days from the reference
	fmWeeks                   // the Monday–Sunday week n weeks from the reference's
	fmMonths                  // the month n months from the reference's
	fmYears                   // the year n years from the reference's
	fmWeekend                 // the weekend: n = -1 last, 0 this, +1 next
	fmSpan                    // the days from n to n2 days from the reference
)

// cue is a word of the expression that fixes its direction in time.
type cue uint8

const (
	cueNone   cue = iota
	cueBefore     // "last Tuesday", "this past weekend": before the reference
	cueAfter      // "next Friday", "this coming weekend": after the reference
	cueSince      // "since Monday": on or before the reference
	cueThis       // "this Friday", "this July"
)

// cand is an expression matched but not yet resolved.
type cand struct {
	first, last int // tokens [first, last)
	kind        Kind
	form        form
	cue         cue
	// needFuture drops the match unless its clause is in the future
	// tense: "in two days" is a date only in "will ... in two days", not in
	// "the highest level in two years".
	needFuture bool
	y          int
	m, m2      time.Month
	d, d2      int
	n, n2      int
	wd         time.Weekday
}

// scanner matches expressions over the tokens of one text.
type scanner struct {
	text string
	toks []token
	// floor is the first token an expression may start at: the tokens
	// before it belong to expressions already found.
	floor int
	// yearEnd is the token just after the last expression that ended in a
	// year, so that "between 2019 and 2022" takes the second year too.
	yearEnd int
}

// Find returns the temporal expressions in text (normally one sentence), in
// order and non-overlapping, resolved against ref. The Tense of each is
// inferred from the words around it (see Tense in the package
// documentation); it steers the resolution of expressions that leave the
// direction open ("Sept. 11", "on Monday", "in July", "this weekend").
func Find(text string, ref Reference) []Expression {
	var buf [128]token
	s := scanner{text: text, toks: tokenize(text, buf[:0]), yearEnd: -1}
	var refDay time.Time
	if ref.Known {
		y, m, d := ref.Date.Date()
		refDay = civil(y, m, d)
	}
	var out []Expression
	for i := 0; i < len(s.toks); {
		c, ok := s.match(i)
		if !ok {
			i++
			continue
		}
		t, found := s.tense(c.first, c.last)
		if !found {
			t = c.intrinsic()
		}
		if c.needFuture && (!found || t != Future) {
			i++
			continue
		}
		start, end := int(s.toks[c.first].start), int(s.toks[c.last-1].end)
		out = append(out, Expression{
			Start: start,
			End:   end,
			Text:  text[start:end],
			Kind:  c.kind,
			Tense: t,
			Date:  c.resolve(t, refDay, ref.Known),
		})
		if c.y != 0 {
			s.yearEnd = c.last
		}
		s.floor = c.last
		i = c.last
	}
	return out
}

// match tries every form of expression that can start at (or, through a
// modifier such as "last", just before) token i.
func (s *scanner) match(i int) (cand, bool) {
	t := &s.toks[i]
	switch t.kind {
	case tWord:
		switch {
		case isMonth(t.w):
			return s.matchMonth(i)
		case isWeekday(t.w):
			return s.matchWeekday(i)
		}
		if _, ok := numberWord(t.w); ok {
			if c, ok := s.matchCount(i); ok {
				return c, true
			}
		}
		return s.matchPhrase(i)
	case tNum:
		if c, ok := s.matchISO(i); ok {
			return c, true
		}
		if c, ok := s.matchUS(i); ok {
			return c, true
		}
		if c, ok := s.matchDayMonth(i); ok {
			return c, true
		}
		if c, ok := s.matchCount(i); ok {
			return c, true
		}
		return s.matchYear(i)
	}
	return cand{}, false
}

// Token tests. They all accept any index and answer false out of range.

func (s *scanner) wordAt(i int) word {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return wNone
	}
	return s.toks[i].w
}

func (s *scanner) numAt(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tNum
}

func (s *scanner) punctAt(i int, r rune) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tPunct && s.toks[i].val == r
}

func (s *scanner) dashAt(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tPunct {
		return false
	}
	switch s.toks[i].val {
	case '-', '–', '—', '‐', '‑':
		return true
	}
	return false
}

// glued reports whether token i touches the token before it.
func (s *scanner) glued(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].flags&fSpace == 0
}

// startFree reports whether number token i stands on its own on the left:
// not "$24", "Tu-160", "COVID-19", "2,000", "No.5".
func (s *scanner) startFree(i int) bool {
	if !s.glued(i) {
		return true
	}
	if s.toks[i-1].kind != tPunct {
		return false
	}
	switch s.toks[i-1].val {
	case '(', '[', '"', '“', '\'', '‘', '«':
		return true
	}
	return false
}

// free reports whether the number that ends just before token k stands on
// its own on the right: not "2,000", "3.5", "10:30", "9/11", "5%", "160km",
// "2022-23". With allowDash a dash and a number may follow (a range).
func (s *scanner) free(k int, allowDash bool) bool {
	if !s.glued(k) {
		return true
	}
	t := &s.toks[k]
	if t.kind != tPunct {
		return false
	}
	switch t.val {
	case '%':
		return false
	case ',', '.', ':', '/':
		return !(s.numAt(k+1) && s.glued(k+1))
	case '-', '–', '—', '‐', '‑':
		return allowDash || !(s.numAt(k+1) && s.glued(k+1))
	}
	return true
}

// anchored reports whether token k starts a noun phrase that a "before" or
// "after" at k-1 would count from: "two days after the attack", "the day
// before Christmas".
func (s *scanner) anchored(k int) bool {
	if k >= len(s.toks) {
		return false
	}
	t := &s.toks[k]
	switch t.kind {
	case tNum:
		return true
	case tWord:
		switch t.w {
		case wThe, wDet, wA, wAn, wThis:
			return true
		}
		return t.flags&fUpper != 0 || isMonth(t.w) || isWeekday(t.w)
	}
	return false
}

// monthAt parses a month name at token i, with the dot of an abbreviation.
// "May", "March", "Mar" and "August" are months only when capitalized.
func (s *scanner) monthAt(i int) (m time.Month, next int, ok bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, 0, false
	}
	t := &s.toks[i]
	if t.kind != tWord || !isMonth(t.w) || t.flags&fNeedCap != 0 && t.flags&fUpper == 0 {
		return 0, 0, false
	}
	next = i + 1
	if t.flags&fAbbrev != 0 && s.punctAt(next, '.') && s.glued(next) {
		next++
	}
	return month(t.w), next, true
}

// dayAt parses a day of the month at token i: a number from 1 to 31 of at
// most two digits, with an optional ordinal suffix ("11th").
func (s *scanner) dayAt(i int, allowDash bool) (d, next int, ok bool) {
	if !s.numAt(i) {
		return 0, 0, false
	}
	t := &s.toks[i]
	if t.nd > 2 || t.val < 1 || t.val > 31 {
		return 0, 0, false
	}
	next = i + 1
	if s.wordAt(next) == wOrdinal && s.glued(next) {
		next++
	}
	if !s.free(next, allowDash) {
		return 0, 0, false
	}
	return int(t.val), next, true
}

// yearAt parses a four-digit year at token i.
func (s *scanner) yearAt(i int) (y, next int, ok bool) {
	if !s.numAt(i) {
		return 0, 0, false
	}
	t := &s.toks[i]
	if t.nd != 4 || t.val < minYear || t.val > maxYear || !s.free(i+1, false) {
		return 0, 0, false
	}
	return int(t.val), i + 1, true
}

// yearAfter parses the year that may end a date at token k: "Sept. 11,
// 2023", "Sept. 11 2023".
func (s *scanner) yearAfter(k int) (y, next int, ok bool) {
	if s.punctAt(k, ',') {
		k++
	}
	if s.glued(k) {
		return 0, 0, false
	}
	return s.yearAt(k)
}

// before looks at the words before token i. It returns the first token of
// the expression, which moves back over a modifier that belongs to it
// ("last", "next", "this", "this past", "this coming", "early", "late",
// "mid-", "earlier", "later"), the cue the modifier gives, and whether a modifier or a
// preposition ("in", "on", "since", ...) marks the word as a date.
func (s *scanner) before(i int) (first int, c cue, marked bool) {
	first = i
	p := i - 1
	switch w := s.wordAt(p); {
	case p < s.floor:
	case s.dashAt(p) && s.glued(p) && s.glued(i) && s.wordAt(p-1) == wMid && p-1 >= s.floor:
		first, marked, p = p-1, true, p-2
	case w == wMid || w == wEarly || w == wLate || w == wEarlier || w == wLater:
		first, marked, p = p, true, p-1
	case w == wLast:
		first, c, marked, p = p, cueBefore, true, p-1
	case w == wNext:
		first, c, marked, p = p, cueAfter, true, p-1
	case w == wThis:
		first, c, marked, p = p, cueThis, true, p-1
	case w == wPast && s.wordAt(p-1) == wThis && p-1 >= s.floor:
		first, c, marked, p = p-1, cueBefore, true, p-2
	case w == wComing && s.wordAt(p-1) == wThis && p-1 >= s.floor:
		first, c, marked, p = p-1, cueAfter, true, p-2
	}
	switch s.wordAt(p) {
	case wSince:
		if c == cueNone {
			c = cueSince
		}
		marked = true
	case wIn, wOn, wBy, wOf, wFor, wDuring, wUntil, wThrough, wFrom, wTo, wBefore, wAfter, wBetween:
		marked = true
	}
	return first, c, marked
}

// matchMonth matches at a month name: "Sept. 11, 2023", "Sept. 16–17",
// "September 2023", "in July", "mid-July", "last July".
func (s *scanner) matchMonth(i int) (cand, bool) {
	m, j, ok := s.monthAt(i)
	if !ok {
		return cand{}, false
	}
	if _, _, ok := s.dayAt(j, true); ok {
		// A day follows: a date or nothing ("Feb. 30" is not February).
		return s.monthDay(i, m, j)
	}
	first, cu, marked := s.before(i)
	k := j
	if s.wordAt(k) == wOf {
		k++
	}
	if !s.glued(k) {
		if y, next, ok := s.yearAt(k); ok {
			if cu != cueNone { // "last September 2023" is not English; keep the month and year
				first = i
			}
			return cand{first: first, last: next, kind: Absolute, form: fmMonth, y: y, m: m}, true
		}
	}
	if !marked {
		return cand{}, false
	}
	return cand{first: first, last: j, kind: Partial, form: fmMonth, m: m, cue: cu}, true
}

// monthDay matches a month-first date whose month name is token i and whose
// day starts at token j: "Sept. 11", "Sept. 11, 2023", "Sept. 16–17, 2023",
// "Aug. 30 – Sept. 2".
func (s *scanner) monthDay(i int, m time.Month, j int) (cand, bool) {
	if s.glued(j) && s.toks[j-1].kind == tWord { // "Jan2"
		return cand{}, false
	}
	d, k, ok := s.dayAt(j, true)
	if !ok {
		return cand{}, false
	}
	c := cand{first: i, last: k, kind: Partial, form: fmDate, m: m, d: d}
	if m2, d2, next, ok := s.rangeEnd(k, m, d); ok {
		c.m2, c.d2, c.last = m2, d2, next
	} else if !s.free(k, false) {
		return cand{}, false
	}
	if y, next, ok := s.yearAfter(c.last); ok {
		c.y, c.kind, c.last = y, Absolute, next
	}
	return c, c.valid()
}

// rangeEnd parses the end of a range of days after a first day m-d that
// ends before token k: "–17", " to Sept. 2", "-Sept. 2".
func (s *scanner) rangeEnd(k int, m time.Month, d int) (m2 time.Month, d2, next int, ok bool) {
	dash := s.dashAt(k)
	switch w := s.wordAt(k); {
	case dash:
	case w == wTo || w == wThrough || w == wUntil:
	default:
		return 0, 0, 0, false
	}
	k++
	if m2, j, ok := s.monthAt(k); ok {
		if m2 == m || s.glued(j) && s.toks[j-1].kind == tWord {
			return 0, 0, 0, false
		}
		if d2, next, ok := s.dayAt(j, false); ok {
			return m2, d2, next, true
		}
		return 0, 0, 0, false
	}
	if !dash {
		return 0, 0, 0, false
	}
	if d2, next, ok := s.dayAt(k, false); ok && d2 > d {
		return m, d2, next, true
	}
	return 0, 0, 0, false
}

// matchDayMonth matches a day-first date at number token i: "11 September",
// "11th of September 2023", "16–17 September", "30 August – 2 September".
func (s *scanner) matchDayMonth(i int) (cand, bool) {
	if !s.startFree(i) {
		return cand{}, false
	}
	d, k, ok := s.dayAt(i, true)
	if !ok {
		return cand{}, false
	}
	c := cand{first: i, kind: Partial, form: fmDate, d: d}
	d2 := 0
	if s.dashAt(k) {
		x, next, ok := s.dayAt(k+1, false)
		if !ok || x <= d {
			return cand{}, false
		}
		d2, k = x, next
	}
	if s.wordAt(k) == wOf && k-1 > i { // "11th of September"
		k++
	}
	m, k, ok := s.monthAt(k)
	if !ok {
		return cand{}, false
	}
	c.m, c.last = m, k
	if d2 != 0 {
		c.m2, c.d2 = m, d2
	} else if dash, w := s.dashAt(k), s.wordAt(k); dash || w == wTo || w == wThrough || w == wUntil {
		if x, next, ok := s.dayAt(k+1, false); ok {
			if m2, next, ok := s.monthAt(next); ok && m2 != m {
				c.m2, c.d2, c.last = m2, x, next
			}
		}
	}
	if y, next, ok := s.yearAfter(c.last); ok {
		c.y, c.kind, c.last = y, Absolute, next
	}
	return c, c.valid()
}

// matchISO matches "2023-09-11", also when a time follows ("2023-09-11T08:00").
func (s *scanner) matchISO(i int) (cand, bool) {
	t := &s.toks[i]
	if t.nd != 4 || !s.startFree(i) || i+4 >= len(s.toks) {
		return cand{}, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !s.glued(k) {
			return cand{}, false
		}
	}
	mt, dt := &s.toks[i+2], &s.toks[i+4]
	if !s.punctAt(i+1, '-') || !s.punctAt(i+3, '-') || !s.numAt(i+2) || !s.numAt(i+4) || mt.nd != 2 || dt.nd != 2 {
		return cand{}, false
	}
	c := cand{first: i, last: i + 5, kind: Absolute, form: fmDate, y: int(t.val), m: time.Month(mt.val), d: int(dt.val)}
	if c.y < minYear || c.y > maxYear || c.m < time.January || c.m > time.December || !c.valid() {
		return cand{}, false
	}
	if n := i + 5; n < len(s.toks) && s.glued(n) {
		nt := &s.toks[n]
		isT := nt.kind == tWord && nt.end-nt.start == 1 && (s.text[nt.start] == 'T' || s.text[nt.start] == 't')
		if !isT && !s.free(n, false) {
			return cand{}, false
		}
	}
	return c, true
}

// matchUS matches a US numeric date, month first: "9/11/2023".
func (s *scanner) matchUS(i int) (cand, bool) {
	if i+4 >= len(s.toks) || !s.startFree(i) {
		return cand{}, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !s.glued(k) {
			return cand{}, false
		}
	}
	if !s.punctAt(i+1, '/') || !s.punctAt(i+3, '/') || !s.numAt(i+2) || !s.numAt(i+4) {
		return cand{}, false
	}
	mt, dt, yt := &s.toks[i], &s.toks[i+2], &s.toks[i+4]
	if mt.nd > 2 || dt.nd > 2 || yt.nd != 4 || mt.val < 1 || mt.val > 12 || yt.val < minYear || yt.val > maxYear || !s.free(i+5, false) {
		return cand{}, false
	}
	c := cand{first: i, last: i + 5, kind: Absolute, form: fmDate, y: int(yt.val), m: time.Month(mt.val), d: int(dt.val)}
	return c, c.valid()
}

// matchYear matches a bare year when the words around it make it one: "in
// 2023", "since 1990", "mid-2022", "early 2024", "between 2019 and 2022".
func (s *scanner) matchYear(i int) (cand, bool) {
	y, next, ok := s.yearAt(i)
	if !ok || !s.free(next, false) || s.wordAt(next) == wCount {
		return cand{}, false
	}
	first, cu, marked := s.before(i)
	if cu == cueBefore || cu == cueAfter || cu == cueThis { // "last 2023": not a date phrase
		first, marked = i, false
	}
	if first == i && !s.startFree(i) {
		return cand{}, false
	}
	switch p := i - 1; {
	case marked:
	case s.wordAt(p) == wYear || s.wordAt(p) == wSeason || s.wordAt(p) == wFiscal:
	case s.yearEnd == p && (s.dashAt(p) || s.wordAt(p) == wAnd || s.wordAt(p) == wTo || s.wordAt(p) == wThrough):
	default:
		return cand{}, false
	}
	return cand{first: first, last: next, kind: BareYear, form: fmYear, y: y}, true
}

// matchCount matches a counted span from the reference: "two days later",
// "3 weeks ago", "a year earlier", "two days from now", "in two days".
func (s *scanner) matchCount(i int) (cand, bool) {
	t := &s.toks[i]
	var n int
	if t.kind == tNum {
		if t.nd > 3 || !s.startFree(i) || !s.free(i+1, false) {
			return cand{}, false
		}
		n = int(t.val)
	} else {
		v, ok := numberWord(t.w)
		if !ok {
			return cand{}, false
		}
		n = v
	}
	if n < 1 || s.glued(i+1) {
		return cand{}, false
	}
	var f form
	switch s.wordAt(i + 1) {
	case wDay, wDays:
		f = fmDays
	case wWeek, wWeeks:
		f = fmWeeks
	case wMonth, wMonths:
		f = fmMonths
	case wYear, wYears:
		f = fmYears
	default:
		return cand{}, false
	}
	j := i + 2
	sign := 0
	switch s.wordAt(j) {
	case wAgo, wEarlier:
		sign = -1
	case wLater:
		sign = 1
	case wBefore:
		if !s.anchored(j + 1) {
			sign = -1
		}
	case wAfter:
		if !s.anchored(j + 1) {
			sign = 1
		}
	case wFrom:
		if s.wordAt(j+1) == wNow {
			sign = 1
			j++
		}
	}
	if sign != 0 {
		return cand{first: i, last: j + 1, kind: Relative, form: f, n: sign * n}, true
	}
	if s.wordAt(i-1) == wIn && i-1 >= s.floor {
		return cand{first: i - 1, last: i + 2, kind: Relative, form: f, n: n, needFuture: true}, true
	}
	return cand{}, false
}

// matchWeekday matches at a weekday name: "Monday", "late Sunday", "Sunday
// night", "last Tuesday", "this coming Friday", and a weekday that leads a
// date, "Monday, Sept. 11".
func (s *scanner) matchWeekday(i int) (cand, bool) {
	j := i + 1
	if s.punctAt(j, ',') {
		j++
	}
	if m, k, ok := s.monthAt(j); ok {
		if c, ok := s.monthDay(j, m, k); ok {
			c.first = i
			return c, true
		}
	}
	if s.numAt(j) {
		if c, ok := s.matchDayMonth(j); ok {
			c.first = i
			return c, true
		}
	}
	first, cu, marked := s.before(i)
	if !marked {
		// A weekday inside a name: "Good Friday", "Sunday Times".
		if p := i - 1; s.wordAt(p) == wHoliday && s.toks[p].flags&fUpper != 0 {
			return cand{}, false
		}
		if n := i + 1; n < len(s.toks) && !s.glued(n) && s.toks[n].kind == tWord && s.toks[n].flags&fUpper != 0 {
			w := s.toks[n].w
			if !isPartOfDay(w) && !isMonth(w) && !isWeekday(w) {
				return cand{}, false
			}
		}
	}
	last := i + 1
	if isPartOfDay(s.wordAt(last)) && !s.glued(last) {
		last++
	}
	return cand{first: first, last: last, kind: Weekday, form: fmWeekday, wd: weekday(s.toks[i].w), cue: cu}, true
}

// matchPhrase matches a fixed relative phrase ("yesterday", "last week",
// "the day before"), optionally after "earlier", "later", "early" or
// "late" ("earlier this week", "late last year").
func (s *scanner) matchPhrase(i int) (cand, bool) {
	switch s.wordAt(i) {
	case wEarlier, wLater, wEarly, wLate:
		if !s.glued(i + 1) {
			switch s.wordAt(i + 1) {
			case wThis, wLast, wNext, wToday, wTonight, wYesterday, wTomorrow:
				if c, ok := s.phraseAt(i + 1); ok {
					c.first = i
					if c.cue == cueNone && c.form != fmWeekend {
						// Only the tense a phrase implies on its own
						// reads the cue of a counted span.
						if w := s.wordAt(i); w == wEarlier {
							c.cue = cueSince
						} else if w == wLater {
							c.cue = cueAfter
						}
					}
					return c, true
				}
			}
		}
	}
	return s.phraseAt(i)
}

// phraseAt matches the longest phrase of the phrase table at token i.
func (s *scanner) phraseAt(i int) (cand, bool) {
	w := s.wordAt(i)
	if w == wNone {
		return cand{}, false
	}
	w2 := s.wordAt(i + 1)
	if s.glued(i + 1) {
		w2 = wNone
	}
	var best *phrase
	ps := phraseIndex[w]
	for pi := range ps {
		p := &ps[pi]
		if best != nil && len(p.words) <= len(best.words) || len(p.words) > 1 && p.words[1] != w2 {
			continue
		}
		k := i + 1
		for _, pw := range p.words[1:] {
			if s.wordAt(k) != pw || s.glued(k) {
				break
			}
			k++
		}
		if k == i+len(p.words) {
			best = p
		}
	}
	if best == nil {
		return cand{}, false
	}
	last := i + len(best.words)
	if lw := best.words[len(best.words)-1]; (lw == wBefore || lw == wAfter) && s.anchored(last) {
		return cand{}, false
	}
	return cand{first: i, last: last, kind: Relative, form: best.form, n: best.n, n2: best.n2, cue: best.cue}, true
}

// phrase is one fixed relative expression.
type phrase struct {
	words []word
	form  form
	n, n2 int
	cue   cue
}

// phraseTable lists the fixed relative expressions. Their words must be in
// the vocabulary.
var phraseTable = []struct {
	text  string
	form  form
	n, n2 int
	cue   cue
}{
	{"today", fmDays, 0, 0, cueNone},
	{"tonight", fmDays, 0, 0, cueNone},
	{"this morning", fmDays, 0, 0, cueNone},
	{"this afternoon", fmDays, 0, 0, cueNone},
	{"this evening", fmDays, 0, 0, cueNone},
	{"yesterday", fmDays, -1, 0, cueNone},
	{"yesterday morning", fmDays, -1, 0, cueNone},
	{"yesterday afternoon", fmDays, -1, 0, cueNone},
	{"yesterday evening", fmDays, -1, 0, cueNone},
	{"last night", fmDays, -1, 0, cueNone},
	{"last evening", fmDays, -1, 0, cueNone},
	{"tomorrow", fmDays, 1, 0, cueNone},
	{"tomorrow morning", fmDays, 1, 0, cueNone},
	{"tomorrow afternoon", fmDays, 1, 0, cueNone},
	{"tomorrow evening", fmDays, 1, 0, cueNone},
	{"tomorrow night", fmDays, 1, 0, cueNone},
	{"the day before yesterday", fmDays, -2, 0, cueNone},
	{"the day after tomorrow", fmDays, 2, 0, cueNone},
	{"the day before", fmDays, -1, 0, cueNone},
	{"the previous day", fmDays, -1, 0, cueNone},
	{"the day after", fmDays, 1, 0, cueNone},
	{"the next day", fmDays, 1, 0, cueNone},
	{"the following day", fmDays, 1, 0, cueNone},

	{"this week", fmWeeks, 0, 0, cueNone},
	{"the start of the week", fmWeeks, 0, 0, cueNone},
	{"the beginning of the week", fmWeeks, 0, 0, cueNone},
	{"the end of the week", fmWeeks, 0, 0, cueNone},
	{"last week", fmWeeks, -1, 0, cueNone},
	{"next week", fmWeeks, 1, 0, cueNone},
	{"the previous week", fmWeeks, -1, 0, cueNone},
	{"the following week", fmWeeks, 1, 0, cueNone},

	{"this weekend", fmWeekend, 0, 0, cueNone},
	{"the weekend", fmWeekend, 0, 0, cueNone},
	{"last weekend", fmWeekend, -1, 0, cueNone},
	{"next weekend", fmWeekend, 1, 0, cueNone},
	{"this past weekend", fmWeekend, 0, 0, cueBefore},
	{"the past weekend", fmWeekend, 0, 0, cueBefore},
	{"this coming weekend", fmWeekend, 0, 0, cueAfter},
	{"the coming weekend", fmWeekend, 0, 0, cueAfter},

	{"this month", fmMonths, 0, 0, cueNone},
	{"the start of the month", fmMonths, 0, 0, cueNone},
	{"the beginning of the month", fmMonths, 0, 0, cueNone},
	{"the end of the month", fmMonths, 0, 0, cueNone},
	{"last month", fmMonths, -1, 0, cueNone},
	{"next month", fmMonths, 1, 0, cueNone},
	{"the previous month", fmMonths, -1, 0, cueNone},
	{"the following month", fmMonths, 1, 0, cueNone},

	{"this year", fmYears, 0, 0, cueNone},
	{"the start of the year", fmYears, 0, 0, cueNone},
	{"the beginning of the year", fmYears, 0, 0, cueNone},
	{"the end of the year", fmYears, 0, 0, cueNone},
	{"last year", fmYears, -1, 0, cueNone},
	{"next year", fmYears, 1, 0, cueNone},
	{"the previous year", fmYears, -1, 0, cueNone},
	{"the following year", fmYears, 1, 0, cueNone},

	{"the coming week", fmSpan, 1, 7, cueNone},
	{"the coming days", fmSpan, 1, 7, cueNone},
	{"the coming few days", fmSpan, 1, 7, cueNone},
	{"the next few days", fmSpan, 1, 7, cueNone},
	{"the days ahead", fmSpan, 1, 7, cueNone},
	{"the past week", fmSpan, -7, -1, cueNone},
	{"the past few days", fmSpan, -7, -1, cueNone},
	{"the last few days", fmSpan, -7, -1, cueNone},
	{"recent days", fmSpan, -7, -1, cueNone},
}

// phraseIndex holds the phrases by their first word. It is built once at
// package initialization and only read after.
var phraseIndex = indexPhrases()

func indexPhrases() [numWords][]phrase {
	var idx [numWords][]phrase
	for _, p := range phraseTable {
		var words []word
		for start, i := 0, 0; i <= len(p.text); i++ {
			if i < len(p.text) && p.text[i] != ' ' {
				continue
			}
			e, ok := vocab[p.text[start:i]]
			if !ok {
				panic("temporal: phrase word not in vocabulary: " + p.text[start:i])
			}
			words = append(words, e.w)
			start = i + 1
		}
		idx[words[0]] = append(idx[words[0]], phrase{words: words, form: p.form, n: p.n, n2: p.n2, cue: p.cue})
	}
	return idx
}
