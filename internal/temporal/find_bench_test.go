package temporal

import (
	"testing"
	"time"
)

// benchSentences returns a few hundred sentences in the style of news
// copy, most of them without a date, as Find meets them.
func benchSentences() []string {
	subjects := []string{
		"The prime minister", "Rescue workers", "The central bank", "Local officials",
		"The company", "Protesters", "A spokesperson for the ministry", "The court",
	}
	clauses := []string{
		"said on Monday that the evacuation of 2,000 residents would continue.",
		"announced the plan late Sunday after talks that lasted more than 14 hours.",
		"will meet again next week to review the damage, according to a statement.",
		"confirmed that at least 37 people were killed when the bridge collapsed.",
		"warned that winds of up to 120 miles per hour could reach the coast.",
		"has been criticized since July for its handling of the crisis.",
		"said the $24 billion package would be voted on by Sept. 30.",
		"is expected to publish the report in the coming days.",
		"told reporters that the situation was under control.",
		"declined to comment on the allegations, citing an ongoing investigation.",
		"said two Tu-160 bombers had flown over the region overnight.",
		"released figures showing inflation fell to 3.2 percent in August.",
		"signed the agreement on Sept. 11, 2023, in a ceremony in the capital.",
		"said the first shipments arrived three days ago and more are on the way.",
		"has not said when the road will reopen.",
		"rejected the proposal, calling it unworkable and unfair to small farmers.",
		"said the number of COVID-19 cases rose again this month.",
		"plans to hold a referendum in early 2024, officials said.",
		"said the storm, which made landfall Saturday night, had weakened.",
		"estimated the cost of rebuilding at more than 1.5 billion euros.",
		"said the talks, which began last Tuesday, were constructive.",
		"urged residents to stay indoors and avoid unnecessary travel.",
		"said that the MiG-31 jets were scrambled twice during the night.",
		"will decide on the appeal by the end of the year.",
		"described the attack as the deadliest since 2015.",
		"said the final results would be announced on 14 September.",
		"said water levels had dropped by nearly two meters since the weekend.",
		"has scheduled a news conference for 10 a.m. on Thursday.",
		"said the aid convoy of 40 trucks crossed the border yesterday afternoon.",
		"said its staff had worked around the clock to restore power to 80,000 homes.",
		"said it was too early to say what caused the fire.",
		"said the ceasefire, agreed in March 2022, had largely held.",
		"reported 120 over 80 as the average reading among the 500 patients studied.",
		"said the dam was built in 1975 and last inspected two years ago.",
		"said he had spoken to the families of the victims.",
		"pledged to rebuild every school damaged in the earthquake.",
		"said prices would keep rising for the rest of the year.",
		"is due to testify before the committee on Oct. 4.",
	}
	var out []string
	for i, s := range subjects {
		for j, c := range clauses {
			if (i+j)%3 == 0 {
				continue
			}
			out = append(out, s+" "+c)
		}
	}
	return out
}

func BenchmarkFind(b *testing.B) {
	sentences := benchSentences()
	ref := Reference{Date: time.Date(2023, 9, 13, 0, 0, 0, 0, time.UTC), Known: true}
	bytes := 0
	for _, s := range sentences {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			Find(s, ref)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentences)), "ns/sentence")
}
