package clean

import (
	"hash/fnv"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/content"
)

// TestSameAnswers checks the memo's test of a corpus against the answers
// a cleaning got: an answer that differs makes the cleaning stale, while
// a count that moves a word's idf less than its rounding does not.
func TestSameAnswers(t *testing.T) {
	corpus := func(docs, lines, police int) *Corpus {
		return &Corpus{docs: docs, lines: map[uint64]int{normHash("Leave a reply"): lines}, idfs: map[string]float64{"police": idfOf(docs, police)}}
	}
	recorded := func(c *Corpus) *memoEntry {
		return &memoEntry{lines: map[uint64]int{normHash("Leave a reply"): c.lines[normHash("Leave a reply")]},
			idf: map[string]float64{"police": c.idf("police"), "zorblat": c.idf("zorblat")}}
	}
	for _, tt := range []struct {
		name      string
		then, now *Corpus
		fresh     bool
	}{
		{"same answers", corpus(10, 3, 4), corpus(10, 3, 4), true},
		{"a line repeated more", corpus(10, 3, 4), corpus(10, 4, 4), false},
		{"a rare word more common", corpus(10, 3, 4), corpus(10, 3, 5), false},
		{"a rare word in another article count", corpus(10, 3, 4), corpus(11, 3, 4), false},
		{"a common word in one article more", corpus(10000, 3, 5000), corpus(10000, 3, 5001), true},
		{"one article more", corpus(10000, 3, 5000), corpus(10001, 3, 5000), true},
		{"a common word far more common", corpus(10000, 3, 5000), corpus(10000, 3, 6000), false},
	} {
		if got := recorded(tt.then).sameAnswers(tt.now); got != tt.fresh {
			t.Errorf("%s: sameAnswers = %v, want %v", tt.name, got, tt.fresh)
		}
	}
}

// TestSameMetaSeesEveryField checks that a change to any field of an
// article's metadata, one added later included, makes it another
// article to the memo.
func TestSameMetaSeesEveryField(t *testing.T) {
	base := content.Meta{Title: "t", Tags: []string{"a"}, From: map[string]string{"title": "front matter"}}
	if !sameMeta(base, base) {
		t.Fatal("metadata differ from themselves")
	}
	typ := reflect.TypeFor[content.Meta]()
	for i := range typ.NumField() {
		changed := base
		changed.Tags = slices.Clone(base.Tags)
		changed.From = maps.Clone(base.From)
		f := reflect.ValueOf(&changed).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Slice:
			f.Set(reflect.Append(f, reflect.ValueOf("b")))
		case reflect.Map:
			f.SetMapIndex(reflect.ValueOf("date"), reflect.ValueOf("og"))
		case reflect.Struct: // time.Time
			f.Set(reflect.ValueOf(time.Date(2023, 9, 11, 0, 0, 0, 0, time.UTC)))
		default:
			t.Fatalf("field %s: a %s; teach this test to change it", typ.Field(i).Name, f.Kind())
		}
		if sameMeta(base, changed) {
			t.Errorf("a change to %s is not seen", typ.Field(i).Name)
		}
	}
}

// FuzzNormHash checks that normHash hashes the normal form of a line:
// lower case, white space runs made one space and trimmed.
func FuzzNormHash(f *testing.F) {
	for _, s := range []string{"Leave a Reply", "  Leave\ta  reply\n", "ÉCOLE  Ünïcode", "\xff bad \xfe", "", "İstanbul", "\u00a0nbsp\u2003em"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm := strings.Join(strings.Fields(strings.ToLower(s)), " ")
		h := fnv.New64a()
		h.Write([]byte(norm))
		want := h.Sum64()
		if want == 0 {
			want = 1
		}
		if got := normHash(s); got != want {
			t.Fatalf("normHash(%q) = %x, the hash of its normal form %q is %x", s, got, norm, want)
		}
	})
}
