package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
)

// Words the synthetic stories are made of.
var (
	benchPlaces  = []string{"Lakeside", "Northport", "Ashford", "Kelby", "Marrow", "Dunmore", "Eastwick", "Halden", "Brixham", "Corran", "Fenwick", "Galloway"}
	benchPeople  = []string{"Anna Berg", "Tomas Reyes", "Ines Kaur", "Paul Okafor", "Lena Novak", "Omar Haddad", "Ruth Moss", "Jon Alder", "Mira Sol", "Karl Vance"}
	benchSubject = []string{"council", "port authority", "water company", "fire service", "school board", "hospital trust", "rail operator", "police force", "ferry company", "power utility"}
	benchVerbs   = []string{"approved", "rejected", "announced", "delayed", "suspended", "opened", "closed", "investigated", "cancelled", "expanded"}
	benchObjects = []string{"the harbour bridge", "a new clinic", "the night bus", "the flood barrier", "the old mill", "a housing plan", "the town library", "the coastal path", "a wind farm", "the market hall"}
	benchDays    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	benchPubs    = []string{"Lakeside Gazette", "Northport Herald", "Coastline Wire", "Valley Post", "The Courier"}
)

// writeBenchSite writes a site of n articles: stories of ten articles
// each, told in sentences that share names, places and wording, as
// several outlets reporting the same events do.
func writeBenchSite(tb testing.TB, dir string, n int) {
	tb.Helper()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"Bench\"\n"), 0o644)
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	for i := range n {
		story := i / 10
		sr := rand.New(rand.NewPCG(uint64(story), 7)) // the story's facts
		spick := func(list []string) string { return list[sr.IntN(len(list))] }
		place, subject, person := spick(benchPlaces), spick(benchSubject), spick(benchPeople)
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = \"%s %s %s in %s (%d)\"\npublisher = %q\ndate = 2024-%02d-%02d\n+++\n",
			strings.ToUpper(subject[:1])+subject[1:], spick(benchVerbs), spick(benchObjects), place, story, pick(benchPubs), 1+story%12, 1+story%27)
		for p := range 6 {
			fact := rand.New(rand.NewPCG(uint64(story), uint64(p))) // the same fact in each article of the story
			fpick := func(list []string) string { return list[fact.IntN(len(list))] }
			fmt.Fprintf(&b, "The %s %s %s on %s, %s said in %s, after a meeting that lasted %d hours. ",
				subject, fpick(benchVerbs), fpick(benchObjects), fpick(benchDays), person, place, 2+fact.IntN(5))
			fmt.Fprintf(&b, "%s, who %s %s last year, told reporters that residents of %s would be consulted before %s.\n\n",
				pick(benchPeople), pick(benchVerbs), pick(benchObjects), place, pick(benchDays))
		}
		name := filepath.Join(dir, "content", fmt.Sprintf("%03d", story/100), fmt.Sprintf("a%05d.md", i))
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkEditToReload measures, on a running `serve --watch`, the time
// from saving an edit to one article to the reload event reaching a
// subscribed browser: the watcher's 100ms settling time, the rebuild and
// the diff against the served site. It reports the median and the
// slowest edit.
//
// The collector runs as in the timeline command (cmd/timeline sets
// GOGC=300 unless the environment says otherwise).
//
//	go test -run '^$' -bench EditToReload -benchtime 20x ./internal/server/
func BenchmarkEditToReload(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(300))
	}
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			writeBenchSite(b, dir, n)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opt := Options{Site: siteOptions(dir), Bind: "127.0.0.1", Watch: true}
			if testing.Verbose() {
				opt.Stdout, opt.Stderr = os.Stderr, os.Stderr
			}
			s, err := New(ctx, opt)
			if err != nil {
				b.Fatal(err)
			}
			done := make(chan struct{})
			go func() { s.Serve(ctx); close(done) }()
			defer func() { cancel(); <-done }()
			events := s.hub.subscribe()

			var times []time.Duration
			i := 0
			for b.Loop() {
				name := filepath.Join(dir, "content", "000", fmt.Sprintf("a%05d.md", i%min(n, 100)))
				data, err := os.ReadFile(name)
				if err != nil {
					b.Fatal(err)
				}
				data = fmt.Appendf(data, "The clerk added note number %d on %s.\n", i, benchDays[i%7])
				start := time.Now()
				if err := os.WriteFile(name, data, 0o644); err != nil {
					b.Fatal(err)
				}
				select {
				case msg := <-events:
					if !strings.HasPrefix(string(msg), "event: reload") {
						b.Fatalf("event %s", msg)
					}
				case <-time.After(60 * time.Second):
					b.Fatal("no reload within 60s")
				}
				times = append(times, time.Since(start))
				i++
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
			b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "max-ms")
		})
	}
}
