package words

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kim toured a warship.", []string{"Kim", "toured", "a", "warship"}},
		{"the Tu-160, Tu-95 and MiG-31I", []string{"the", "Tu-160", "Tu-95", "and", "MiG-31I"}},
		{"Russia’s U.S. security", []string{"Russia’s", "U.S", "security"}},
		{"concerns.Koffler argued", []string{"concerns.Koffler", "argued"}},
		{"“Two of our” - quoted", []string{"Two", "of", "our", "quoted"}},
		{"1,500 to 2,000 km", []string{"1", "500", "to", "2", "000", "km"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Split(tt.in) {
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("Split(%q): token %q at %d:%d does not match the text", tt.in, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyConflatesForms(t *testing.T) {
	groups := [][]string{
		{"warship", "warships", "Warship's", "warship’s"},
		{"inspect", "inspected", "inspecting", "inspects"},
		{"showcase", "showcased", "showcasing", "showcases"},
		{"bomber", "bombers"},
		{"country", "countries"},
		{"stop", "stopped", "stopping"},
	}
	for _, g := range groups {
		want := Key(g[0])
		for _, w := range g[1:] {
			if got := Key(w); got != want {
				t.Errorf("Key(%q) = %q, want %q like Key(%q)", w, got, want, g[0])
			}
		}
	}
	distinct := [][2]string{{"news", "new"}, {"bus", "bu"}, {"tu-160", "tu-95"}, {"press", "pres"}}
	for _, p := range distinct {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q, want different", p[0], p[1], Key(p[0]))
		}
	}
}

func TestContentKeys(t *testing.T) {
	got := ContentKeys("He said that the Tu-160 bombers were inspected on Monday.")
	want := []string{"tu-160", "bomber", "inspect", "monday"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ContentKeys = %q, want %q", got, want)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Kim toured a warship.", "Tu-160’s", "a--b", "x.", "é-ü", "\xff-a", "The SHOULDN’T Didn't ourselves’ İt",
		"ends in a dash —", "U.S. ", "word .x", "a b-", "  ", "x -- (“", "a.b c.d'e f’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		toks := Split(s)
		for _, tok := range toks {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			last = tok.End
			if k, want := Key(tok.Text), key(tok.Text); k != want {
				t.Fatalf("Key(%q) = %q, the general path gives %q", tok.Text, k, want)
			}
		}
		// All and ContentKeys walk the words without Split's slice, and
		// must find the same ones.
		n := 0
		for start, end := range All(s) {
			if n >= len(toks) || toks[n].Start != start || toks[n].End != end {
				t.Fatalf("All: word %d of %q at %d:%d, Split says %+v", n, s, start, end, toks)
			}
			n++
		}
		if n != len(toks) || Count(s) != len(toks) {
			t.Fatalf("All found %d words of %q, Count %d, Split %d", n, s, Count(s), len(toks))
		}
		// Last reads from the end, AppendSplit into a slice of its own:
		// the same words.
		if got, ok := Last(s); ok != (len(toks) > 0) || ok && got != toks[len(toks)-1] {
			t.Fatalf("Last(%q) = %+v, %v; Split says %+v", s, got, ok, toks)
		}
		if got := AppendSplit([]Token{{Text: "x"}}, s); !slices.Equal(got[1:], toks) {
			t.Fatalf("AppendSplit(%q) = %+v, Split says %+v", s, got[1:], toks)
		}
		var want []string
		for _, tok := range toks {
			lw := strings.ToLower(tok.Text)
			if !IsStop(strings.ReplaceAll(lw, "’", "'")) && strings.IndexFunc(lw, unicode.IsLetter) >= 0 {
				want = append(want, Key(tok.Text))
			}
		}
		if got := ContentKeys(s); !slices.Equal(got, want) {
			t.Fatalf("ContentKeys(%q) = %q, want %q", s, got, want)
		}
		stops := 0
		for _, tok := range toks {
			if IsStop(strings.ToLower(tok.Text)) {
				stops++
			}
		}
		if len(toks) > 0 && StopRatio(toks) != float64(stops)/float64(len(toks)) {
			t.Fatalf("StopRatio of %q: %v, want %d of %d", s, StopRatio(toks), stops, len(toks))
		}
		// The byte-wise fast path finds the words the rune-wise definition
		// does.
		var ref []Token
		for i := 0; ; {
			start, end := referenceNextWord(s, i)
			if start < 0 {
				break
			}
			ref = append(ref, Token{Start: start, End: end, Text: s[start:end]})
			i = end
		}
		if !slices.Equal(toks, ref) {
			t.Fatalf("Split(%q) = %+v, the definition gives %+v", s, toks, ref)
		}
	})
}

// referenceNextWord is nextWord as the definition reads, rune by rune: a
// word is a run of letters and digits, joined across a hyphen,
// apostrophe or full stop between two of them.
func referenceNextWord(s string, i int) (start, end int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if isJoiner(r) && i+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[i+n:])
				if isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		return start, i
	}
	return -1, -1
}

// demoTexts returns the text of the demo articles.
func demoTexts(b *testing.B) []string {
	var text []string
	files, _ := filepath.Glob("../../content/*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, string(data))
	}
	if len(text) == 0 {
		b.Skip("no demo content")
	}
	return text
}

// BenchmarkSplit splits the demo articles into words.
func BenchmarkSplit(b *testing.B) {
	text := demoTexts(b)
	n := 0
	for b.Loop() {
		for _, s := range text {
			n += len(Split(s))
		}
	}
}

// BenchmarkSplitSentences splits the demo articles into words sentence
// by sentence, as the events stage does.
func BenchmarkSplitSentences(b *testing.B) {
	var sents []string
	for _, text := range demoTexts(b) {
		for s := range strings.SplitSeq(text, ". ") {
			sents = append(sents, s)
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			n += len(Split(s))
		}
	}
}

// BenchmarkContentKeys finds the content keys of the demo articles.
func BenchmarkContentKeys(b *testing.B) {
	text := demoTexts(b)
	n := 0
	for b.Loop() {
		for _, s := range text {
			n += len(ContentKeys(s))
		}
	}
}

// TestInvariantEndings checks what Stem relies on to skip the lookup of
// most words: every invariant word ends in s, d or g.
func TestInvariantEndings(t *testing.T) {
	for w := range invariant {
		if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "d") && !strings.HasSuffix(w, "g") {
			t.Errorf("invariant word %q does not end in s, d or g", w)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Port Strike", "port-strike"},
		{"Election Night -- Results (Final)", "election-night-results-final"},
		{"2024.03.05 flood", "2024-03-05-flood"},
		{"  --Recall--  ", "recall"},
		{"snake_case Name", "snake_case-name"},
		{"Café Überfall", "caf-berfall"},
		{"東京 flood", "flood"},
		{"!!!", ""},
		{"", ""},
	} {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
