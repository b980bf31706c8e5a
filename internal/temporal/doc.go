// Package temporal finds English temporal expressions in news sentences and
// resolves them to calendar dates.
//
// It is the time stage of the pipeline: given one sentence and the date the
// article was published, Find returns every expression such as "Sept. 11,
// 2023", "last Tuesday", "in July" or "two days later", each with the form it
// had (Kind), the tense of the clause around it (Tense) and the Date it
// resolves to. The grammar is a small hand-written scanner over tokens, not a
// set of regular expressions, so that Find can run on every sentence of a
// large corpus; a sentence without a date costs no allocation.
//
// # Grammar
//
// Month names may be abbreviated, with or without a dot ("Sept.", "Sep",
// "Jan"); "May", "March", "Mar" and "August" count only when capitalized.
//
//   - Absolute: "September 11, 2023", "Sept. 11, 2023", "Sep 11 2023",
//     "11 September 2023", "11th of September 2023", "2023-09-11",
//     "9/11/2023" (US order), "September 2023", ranges "Sept. 16–17, 2023",
//     "Aug. 30 – Sept. 2, 2023", "16–17 September 2023". A weekday may lead
//     ("Monday, Sept. 11, 2023").
//   - BareYear: a four-digit year from 1800 to 2199 only after a word that
//     makes it one: in, since, by, of, for, during, until, through, from, to,
//     before, after, between, early, late, mid-, year, fiscal, a season, or
//     "and"/"to"/a dash right after another year. A number touching other
//     characters ("$2024", "Tu-160", "2,000", "1990s", "2022-23") or
//     followed by a counted noun ("2000 people") is never a year.
//   - Partial: the dates above without the year, and a month alone after
//     one of those words or after last/next/this ("in July", "mid-July",
//     "last July").
//   - Weekday: "Monday", "on Monday", "late Sunday", "earlier Monday",
//     "Sunday night", "last Tuesday", "next Friday", "this Friday", "this
//     past Monday", "this coming Sunday". A weekday inside a name is
//     skipped: after a capitalized holiday word ("Good Friday") or, with no
//     preposition before it, before a capitalized word ("Sunday Times").
//   - Relative: today, tonight, this morning, yesterday, last night,
//     tomorrow, the day before, the previous/next/following day, the day
//     before yesterday, this/last/next week, the following week,
//     this/last/next weekend, the weekend, this/last/next month,
//     this/last/next year, the end of the year, the coming week, the coming
//     days, the past week; "N days ago" and the like, with days, weeks,
//     months or years, with ago, later, earlier, before, after or "from
//     now", and with N a number, one to ten, or a/an; "in N days" in a
//     future clause. earlier/later/early/late may lead ("earlier this
//     week", "late last year"). "the day before" and "two days after" are
//     skipped when a noun phrase follows ("the day before the vote"): they
//     count from that event, not from the reference.
//
// Prepositions (on, in, since, ...) are not part of an expression's Text;
// modifiers that change its meaning (last, next, this, early, late, mid-)
// are. "in" is part of "in two days".
//
// # Resolution
//
//   - A date with a year needs no reference. A range takes the written year
//     at its end ("Dec. 30 – Jan. 2, 2024" starts in 2023).
//   - A date without a year takes the year that puts it nearest the
//     reference in the direction of the tense: on or before the reference
//     in the past tense, on or after it in the future tense, the nearer one
//     in the present tense. "since" looks back. A month alone works the
//     same at month precision; "last July" is the last July before the
//     reference's month, "next July" the first after it, "this July" the
//     reference's.
//   - A weekday is the nearest such day in the same direction; the
//     reference's own weekday is the reference day itself. "last Tuesday"
//     is always strictly before the reference, "next Friday" strictly
//     after. "this Friday" looks back in the past tense and forward
//     otherwise.
//   - Relative expressions count from the reference, even those that in a
//     story count from an earlier event ("two days later"). Weeks run
//     Monday to Sunday: "last week" is the week before the reference's,
//     "two weeks ago" the week containing the day 14 days back. "this
//     weekend" is the reference's own weekend when the reference is a
//     Saturday or Sunday, else the one before it in the past tense and the
//     one after it otherwise; "last weekend" and "next weekend" are those of
//     the weeks before and after. "the coming days" and "the coming week"
//     are the 7 days after the reference, "the past week" the 7 days
//     before.
//
// Without a known reference, only expressions that carry their own year are
// resolved; the others are still returned, with the zero Date.
//
// # Tense
//
// The tense of an expression is that of the clause that governs it: the
// nearest past or future marker up to 12 words before it, not crossing the
// end of a sentence or a semicolon. A progressive ("is arriving Friday")
// or a participle opening a clause (", arriving Friday") with no such
// marker before it is present. Only when nothing before the expression
// marks a tense do the 8 words after it decide ("Monday was calm"), so a
// reporting verb or a subordinate clause after it ("…, officials said",
// "… on Monday that fares will rise") does not turn it around. Present
// markers count only when no past or future marker is found.
//
//   - Future: will, shall, 'll, won't, upcoming, scheduled, slated,
//     expected, poised, next, coming; the modals would, could, might,
//     should, must and may, which in reported speech ("said the results
//     would be announced on Oct. 4") point forward; set, plan(s),
//     planning, going, aims and intends followed by "to"; "due" after
//     is/are/was/were/be or before "to" and a verb; "to be"; is/are/am followed by one of these ("is set to",
//     "is expected to", "is due").
//   - Present: is, are, am, 're, currently.
//   - Past: was, were, had, has, have, did, common irregular past forms
//     (said, told, held, met, ...), previously, recently, won, and
//     lowercase words ending in "-ed" (not "-eed"), unless they follow
//     be/been/is/are: "will be held" is future, not past.
//
// With no marker, the expression's own words decide ("last Tuesday" and
// "earlier this week" are past, "next week" future, "today" present), and
// otherwise the tense is Past, the default of news writing.
package temporal
