package temporal

import (
	"time"

	"github.com/timeline-ssg/timeline/internal/lexicon"
)

// word identifies a vocabulary word; several spellings share one word
// ("Sept", "Sep" and "September").
type word uint8

const (
	wNone word = iota

	// Months, in calendar order.
	wJanuary
	wFebruary
	wMarch
	wApril
	wMay
	wJune
	wJuly
	wAugust
	wSeptember
	wOctober
	wNovember
	wDecember

	// Weekdays, in time.Weekday order.
	wSunday
	wMonday
	wTuesday
	wWednesday
	wThursday
	wFriday
	wSaturday

	// Number words, in order of value; "a" and "an" count as one.
	wA
	wAn
	wOne
	wTwo
	wThree
	wFour
	wFive
	wSix
	wSeven
	wEight
	wNine
	wTen

	// Units.
	wDay
	wDays
	wWeek
	wWeeks
	wWeekend
	wMonth
	wMonths
	wYear
	wYears

	// Parts of the day.
	wMorning
	wAfternoon
	wEvening
	wNight
	wOvernight

	// Deictic days.
	wToday
	wTonight
	wYesterday
	wTomorrow

	// Modifiers and prepositions.
	wThis
	wLast
	wNext
	wPast
	wComing
	wPrevious
	wFollowing
	wEarlier
	wLater
	wEarly
	wLate
	wMid
	wAgo
	wBefore
	wAfter
	wThe
	wOn
	wIn
	wSince
	wBy
	wOf
	wDuring
	wUntil
	wThrough
	wFrom
	wTo
	wFor
	wAnd
	wBetween
	wFew
	wRecent
	wNow
	wAhead
	wStart // start, beginning
	wEnd
	wSeason // spring, summer, autumn, winter
	wFiscal
	wDet // his, her, its, their, that, these, those, our, my, your

	// Ordinal suffixes: 1st, 2nd, 3rd, 4th.
	wOrdinal

	// Tense markers.
	wWill     // will, shall
	wModal    // would, could, might, should, must
	wLl       // the "ll" of "'ll"
	wWon      // past of win, or "won't"
	wT        // the "t" of "won't"
	wRe       // the "re" of "they're"
	wFutureIs // upcoming, scheduled, slated, expected, poised
	wSet      // future when followed by "to" or "for"
	wPlan     // plan, plans, planning, planned, aims, intends, going: future before "to"
	wDue      // future after is/are/was/were/be
	wIs       // is, are, am
	wBe       // be, been
	wPastAux  // was, were, had, has, have, did
	wPastVerb // said, told, and other irregular past forms
	wPresAdv  // currently
	wPastAdv  // previously, recently

	wHoliday // good, black, super, ash, ...: "Good Friday" is a name
	wCount   // nouns that follow a count, not a year: "2000 people"

	numWords
)

// vocab maps lowercase words to their entries. It is never written after
// package initialization.
var vocab = withLexicon(map[string]entry{
	"a": {w: wA}, "an": {w: wAn}, "one": {w: wOne}, "two": {w: wTwo}, "three": {w: wThree},
	"four": {w: wFour}, "five": {w: wFive}, "six": {w: wSix}, "seven": {w: wSeven},
	"eight": {w: wEight}, "nine": {w: wNine}, "ten": {w: wTen},

	"day": {w: wDay}, "days": {w: wDays}, "week": {w: wWeek}, "weeks": {w: wWeeks},
	"weekend": {w: wWeekend}, "month": {w: wMonth}, "months": {w: wMonths},
	"year": {w: wYear}, "years": {w: wYears},

	"morning": {w: wMorning}, "afternoon": {w: wAfternoon}, "evening": {w: wEvening},
	"night": {w: wNight}, "overnight": {w: wOvernight},

	"today": {w: wToday}, "tonight": {w: wTonight}, "yesterday": {w: wYesterday}, "tomorrow": {w: wTomorrow},

	"this": {w: wThis}, "last": {w: wLast}, "next": {w: wNext}, "past": {w: wPast},
	"coming": {w: wComing}, "previous": {w: wPrevious}, "following": {w: wFollowing},
	"earlier": {w: wEarlier}, "later": {w: wLater}, "early": {w: wEarly}, "late": {w: wLate},
	"mid": {w: wMid}, "ago": {w: wAgo}, "before": {w: wBefore}, "after": {w: wAfter},
	"the": {w: wThe}, "on": {w: wOn}, "in": {w: wIn}, "since": {w: wSince}, "by": {w: wBy},
	"of": {w: wOf}, "during": {w: wDuring}, "until": {w: wUntil}, "till": {w: wUntil},
	"through": {w: wThrough}, "throughout": {w: wThrough}, "from": {w: wFrom}, "to": {w: wTo}, "for": {w: wFor},
	"and": {w: wAnd}, "between": {w: wBetween}, "few": {w: wFew}, "recent": {w: wRecent},
	"now": {w: wNow}, "ahead": {w: wAhead},
	"start": {w: wStart}, "beginning": {w: wStart}, "end": {w: wEnd},
	"spring": {w: wSeason}, "summer": {w: wSeason}, "autumn": {w: wSeason}, "winter": {w: wSeason},
	"fiscal": {w: wFiscal},
	"his":    {w: wDet}, "her": {w: wDet}, "its": {w: wDet}, "their": {w: wDet}, "that": {w: wDet},
	"these": {w: wDet}, "those": {w: wDet}, "our": {w: wDet}, "my": {w: wDet}, "your": {w: wDet},

	"st": {w: wOrdinal}, "nd": {w: wOrdinal}, "rd": {w: wOrdinal}, "th": {w: wOrdinal},

	"will": {w: wWill}, "shall": {w: wWill},
	"would": {w: wModal}, "could": {w: wModal}, "might": {w: wModal}, "should": {w: wModal}, "must": {w: wModal}, "ll": {w: wLl}, "won": {w: wWon}, "t": {w: wT}, "re": {w: wRe},
	"upcoming": {w: wFutureIs}, "scheduled": {w: wFutureIs}, "slated": {w: wFutureIs},
	"expected": {w: wFutureIs}, "poised": {w: wFutureIs},
	"set":  {w: wSet},
	"plan": {w: wPlan}, "plans": {w: wPlan}, "planning": {w: wPlan}, "planned": {w: wPlan},
	"aims": {w: wPlan}, "intends": {w: wPlan}, "going": {w: wPlan},
	"due": {w: wDue},
	"is":  {w: wIs}, "are": {w: wIs}, "am": {w: wIs},
	"be": {w: wBe}, "been": {w: wBe},
	"was": {w: wPastAux}, "were": {w: wPastAux}, "had": {w: wPastAux}, "has": {w: wPastAux},
	"have": {w: wPastAux}, "did": {w: wPastAux},
	"currently":  {w: wPresAdv},
	"previously": {w: wPastAdv}, "recently": {w: wPastAdv},

	"good": {w: wHoliday}, "black": {w: wHoliday}, "super": {w: wHoliday}, "ash": {w: wHoliday},
	"bloody": {w: wHoliday}, "easter": {w: wHoliday}, "palm": {w: wHoliday}, "cyber": {w: wHoliday},
	"holy": {w: wHoliday}, "maundy": {w: wHoliday}, "shrove": {w: wHoliday}, "fat": {w: wHoliday},
	"giving": {w: wHoliday},

	"people": {w: wCount}, "persons": {w: wCount}, "cases": {w: wCount}, "deaths": {w: wCount},
	"votes": {w: wCount}, "troops": {w: wCount}, "soldiers": {w: wCount}, "homes": {w: wCount},
	"km": {w: wCount}, "kilometers": {w: wCount}, "kilometres": {w: wCount}, "miles": {w: wCount},
	"meters": {w: wCount}, "metres": {w: wCount}, "feet": {w: wCount}, "tons": {w: wCount},
	"tonnes": {w: wCount}, "percent": {w: wCount}, "points": {w: wCount}, "units": {w: wCount},
	"dollars": {w: wCount}, "euros": {w: wCount}, "pounds": {w: wCount}, "hours": {w: wCount},
	"minutes": {w: wCount}, "pages": {w: wCount}, "jobs": {w: wCount}, "students": {w: wCount},
	"residents": {w: wCount}, "workers": {w: wCount}, "members": {w: wCount}, "vehicles": {w: wCount},
	"cars": {w: wCount}, "flights": {w: wCount}, "acres": {w: wCount}, "calories": {w: wCount},
})

// withLexicon adds to vocab the names of months and weekdays and the
// irregular past forms, from the lexicon.
func withLexicon(vocab map[string]entry) map[string]entry {
	for _, n := range lexicon.MonthNames() {
		e := entry{w: wJanuary + word(n.Month-time.January)}
		if n.Abbrev {
			e.flags |= fAbbrev
		}
		if n.Common {
			e.flags |= fNeedCap
		}
		vocab[n.Word] = e
	}
	for d, name := range lexicon.Weekdays() {
		vocab[name] = entry{w: wSunday + word(d)}
	}
	for _, w := range lexicon.IrregularPasts() {
		if _, ok := vocab[w]; !ok {
			vocab[w] = entry{w: wPastVerb}
		}
	}
	return vocab
}

// isMonth reports whether w names a month.
func isMonth(w word) bool { return wJanuary <= w && w <= wDecember }

// month returns the month w names.
func month(w word) time.Month { return time.Month(w-wJanuary) + time.January }

// isWeekday reports whether w names a day of the week.
func isWeekday(w word) bool { return wSunday <= w && w <= wSaturday }

// weekday returns the day of the week w names.
func weekday(w word) time.Weekday { return time.Weekday(w - wSunday) }

// numberWord returns the value of a number word ("a" and "an" are one).
func numberWord(w word) (int, bool) {
	switch {
	case w == wA || w == wAn:
		return 1, true
	case wOne <= w && w <= wTen:
		return int(w-wOne) + 1, true
	}
	return 0, false
}

// isPartOfDay reports whether w is "morning", "night" and the like.
func isPartOfDay(w word) bool { return wMorning <= w && w <= wOvernight }
