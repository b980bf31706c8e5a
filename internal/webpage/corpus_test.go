package webpage

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// corpusDir is the article-extraction benchmark beside the repository: 181
// saved news pages and their true article bodies.
const corpusDir = "../../../shared/corpora/extraction"

// TestCorpusF1 guards extraction quality: it extracts every page of the
// benchmark and scores the text as the benchmark does, failing below
// 0.96 (go-trafilatura's score). It skips when the benchmark is not
// there.
func TestCorpusF1(t *testing.T) {
	if testing.Short() {
		t.Skip("the benchmark takes a second or two; skipped in -short mode")
	}
	raw, err := os.ReadFile(filepath.Join(corpusDir, "ground-truth.json"))
	if err != nil {
		t.Skipf("no benchmark: %v", err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	var rows []pageScore
	for id, g := range gold {
		data, err := readGzip(filepath.Join(corpusDir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		page, err := Extract(data)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		var got []string
		for _, b := range page.Blocks {
			got = append(got, b.Text)
		}
		rows = append(rows, scorePage(g.ArticleBody, strings.Join(got, "\n\n")))
	}
	f1, p, r := meanF1(rows)
	t.Logf("F1 %.4f  P %.4f  R %.4f over %d pages", f1, p, r, len(rows))
	if f1 < 0.96 {
		t.Errorf("F1 %.3f fell below 0.96", f1)
	}
}

// readGzip returns the uncompressed content of a .gz file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// pageScore is one page's true positives, false positives and false
// negatives, as shares of their sum.
type pageScore struct{ tp, fp, fn float64 }

// shingles returns the multiset of word 4-grams of s, words being runs of
// Unicode letters, digits and underscores (Python's \w+); text of fewer
// than four words is one shingle.
func shingles(s string) map[string]int {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '_'
	})
	out := map[string]int{}
	if len(words) == 0 {
		return out
	}
	for i := 0; i < max(1, len(words)-3); i++ {
		out[strings.Join(words[i:min(i+4, len(words))], "\x00")]++
	}
	return out
}

// scorePage compares the true text with the extracted one as the
// benchmark's scorer does.
func scorePage(truth, got string) pageScore {
	a, b := shingles(truth), shingles(got)
	var tp, fp, fn int
	for k, n := range a {
		tp += min(n, b[k])
		fn += max(n-b[k], 0)
	}
	for k, n := range b {
		fp += max(n-a[k], 0)
	}
	s := float64(tp + fp + fn)
	if s == 0 {
		return pageScore{}
	}
	return pageScore{float64(tp) / s, float64(fp) / s, float64(fn) / s}
}

// meanF1 returns the F1 of the mean precision and mean recall over pages,
// with the benchmark's conventions for empty texts.
func meanF1(rows []pageScore) (f1, p, r float64) {
	var ps, rs []float64
	for _, x := range rows {
		if x.tp+x.fp > 0 {
			if x.fp == 0 && x.fn == 0 {
				ps = append(ps, 1)
			} else {
				ps = append(ps, x.tp/(x.tp+x.fp))
			}
		}
		if x.tp+x.fn > 0 {
			if x.fp == 0 && x.fn == 0 {
				rs = append(rs, 1)
			} else {
				rs = append(rs, x.tp/(x.tp+x.fn))
			}
		}
	}
	mean := func(xs []float64) float64 {
		if len(xs) == 0 {
			return 0
		}
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	}
	p, r = mean(ps), mean(rs)
	if p+r == 0 {
		return 0, p, r
	}
	return 2 * p * r / (p + r), p, r
}
