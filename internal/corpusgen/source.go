package corpusgen

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/words"
)

// DefaultDir returns the directory of the Timeline17 articles that every
// developer and CI have beside the project: shared/corpora/t17 next to the
// module root, found by walking up from the working directory to go.mod.
// The error wraps fs.ErrNotExist when the module or the directory is
// missing, so a test can skip.
func DefaultDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("corpusgen: no go.mod above the working directory: %w", fs.ErrNotExist)
		}
		dir = parent
	}
	t17 := filepath.Join(filepath.Dir(dir), "shared", "corpora", "t17")
	if st, err := os.Stat(t17); err != nil {
		return "", fmt.Errorf("corpusgen: %w", err)
	} else if !st.IsDir() {
		return "", fmt.Errorf("corpusgen: %s is not a directory: %w", t17, fs.ErrNotExist)
	}
	return t17, nil
}

// Paragraph filters: what a paragraph of running news prose looks like.
const (
	minParaWords = 20
	maxParaWords = 120
	// maxSeenShare is the largest share of a paragraph's five-word
	// sequences that may already be in the pool: the feeds repeat
	// background paragraphs from day to day, lightly edited.
	maxSeenShare = 0.2
)

// source is the text a corpus is made from: real paragraphs in the order
// they stand in their articles, and each topic's vocabulary.
type source struct {
	topics []*topic
}

// topic is one directory of the source: a news story followed over
// months by one publisher.
type topic struct {
	name      string
	publisher string
	articles  []sourceArticle
	// lower, names and numbers are every lower-case content word, every
	// capitalised word and every number of the topic's paragraphs, with
	// repetition, to draw replacement words from by frequency.
	lower, names, numbers []string
}

// sourceArticle is one file's accepted paragraphs.
type sourceArticle struct {
	date  time.Time
	paras []string
}

// readSource reads every .txt file below each subdirectory of dir, in
// path order, and keeps the paragraphs that are running prose and appear
// once.
func readSource(dir string) (*source, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("corpusgen: %w", err)
	}
	type file struct {
		topic int
		path  string
		date  time.Time
		paras []string
	}
	var files []file
	src := &source{}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		t := &topic{name: e.Name(), publisher: publisherOf(e.Name())}
		ti := len(src.topics)
		src.topics = append(src.topics, t)
		err := filepath.WalkDir(filepath.Join(dir, e.Name()), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".txt") {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			date, paras := parseArticle(string(data))
			files = append(files, file{topic: ti, path: p, date: date, paras: paras})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("corpusgen: %w", err)
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].path < files[j].path })

	count := map[string]int{}
	for _, f := range files {
		for _, p := range f.paras {
			count[p]++
		}
	}
	seen := map[uint64]struct{}{}
	total := 0
	for _, f := range files {
		sa := sourceArticle{date: f.date}
		for _, p := range f.paras {
			if count[p] != 1 || !isProse(p) || !fresh(p, seen) {
				continue
			}
			sa.paras = append(sa.paras, p)
		}
		if len(sa.paras) > 0 {
			t := src.topics[f.topic]
			t.articles = append(t.articles, sa)
			total += len(sa.paras)
		}
	}
	for _, t := range src.topics {
		t.vocabulary()
	}
	kept := src.topics[:0]
	for _, t := range src.topics {
		if len(t.articles) > 0 && len(t.lower) > 0 {
			kept = append(kept, t)
		}
	}
	src.topics = kept
	if total == 0 {
		return nil, errors.New("corpusgen: no paragraphs of running prose in " + dir)
	}
	return src, nil
}

// parseArticle returns the date of a +++ front matter block (date =
// YYYY-MM-DD) and the body's paragraphs: runs of non-blank lines joined
// by spaces.
func parseArticle(text string) (time.Time, []string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var date time.Time
	if rest, ok := strings.CutPrefix(text, "+++\n"); ok {
		if front, body, ok := strings.Cut(rest, "\n+++"); ok {
			for _, l := range strings.Split(front, "\n") {
				k, v, ok := strings.Cut(l, "=")
				if ok && strings.TrimSpace(k) == "date" {
					if d, err := time.Parse("2006-01-02", strings.Trim(strings.TrimSpace(v), `"`)); err == nil {
						date = d
					}
				}
			}
			text = body
		}
	}
	var paras []string
	for _, chunk := range strings.Split(text, "\n\n") {
		if p := strings.Join(strings.Fields(chunk), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return date, paras
}

// isProse reports whether p looks like a paragraph of a news report: long
// enough, ending a sentence, opening with a capital or a quote, and free
// of links, handles and menus.
func isProse(p string) bool {
	n := len(strings.Fields(p))
	if n < minParaWords || n > maxParaWords {
		return false
	}
	if strings.ContainsAny(p, "|@#<>{}[]_*") || strings.Contains(p, "http") || strings.Contains(p, "www.") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !strings.ContainsRune(`"“‘'`, first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	if !strings.ContainsRune(`.?!"”’'`, last) {
		return false
	}
	// Not garbled (most words one or two letters long) and not shouted
	// (most words capitalised).
	short, caps := 0, 0
	toks := words.Split(p)
	for _, t := range toks {
		if len(t.Text) <= 2 {
			short++
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			caps++
		}
	}
	return short*2 < len(toks) && caps*2 < len(toks)
}

// fresh reports whether most of p's five-word sequences are new to seen,
// and adds them.
func fresh(p string, seen map[uint64]struct{}) bool {
	grams := gramHashes(p)
	old := 0
	for _, g := range grams {
		if _, ok := seen[g]; ok {
			old++
		}
	}
	if len(grams) == 0 || float64(old) > maxSeenShare*float64(len(grams)) {
		return false
	}
	for _, g := range grams {
		seen[g] = struct{}{}
	}
	return true
}

// gramHashes returns a hash of each five-word sequence of s, its words
// lower-cased.
func gramHashes(s string) []uint64 {
	toks := words.Split(s)
	hs := make([]uint64, len(toks))
	for i, t := range toks {
		h := fnv.New64a()
		h.Write([]byte(strings.ToLower(t.Text)))
		hs[i] = h.Sum64()
	}
	var out []uint64
	for i := 0; i+5 <= len(hs); i++ {
		g := uint64(0)
		for _, h := range hs[i : i+5] {
			g = (g ^ h) * 0x100000001b3
		}
		out = append(out, g)
	}
	return out
}

// vocabulary gathers the words that respun paragraphs and rewrites draw
// from.
func (t *topic) vocabulary() {
	for _, a := range t.articles {
		for _, p := range a.paras {
			for i, tok := range words.Split(p) {
				w := tok.Text
				switch kindOf(w) {
				case wordLower:
					if !words.IsStop(w) && len(w) > 2 {
						t.lower = append(t.lower, w)
					}
				case wordName:
					if i > 0 && !words.IsStop(strings.ToLower(w)) {
						t.names = append(t.names, w)
					}
				case wordNumber:
					t.numbers = append(t.numbers, w)
				}
			}
		}
	}
	if len(t.names) == 0 {
		t.names = append(t.names, "Smith")
	}
	if len(t.numbers) == 0 {
		t.numbers = append(t.numbers, "two")
	}
}

// wordKind is how a replacement word is chosen for a word.
type wordKind int

const (
	wordOther wordKind = iota
	wordLower
	wordName
	wordNumber
)

func kindOf(w string) wordKind {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r):
		return wordNumber
	case unicode.IsUpper(r):
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' {
				return wordOther
			}
		}
		return wordName
	case unicode.IsLower(r):
		for _, c := range w {
			if !unicode.IsLower(c) && c != '-' {
				return wordOther
			}
		}
		return wordLower
	}
	return wordOther
}

// publisherOf names the publisher of a topic directory such as
// "LibyaWar_cnn" from its suffix.
func publisherOf(dir string) string {
	_, suffix, ok := strings.Cut(dir, "_")
	if !ok {
		suffix = dir
	}
	switch strings.ToLower(suffix) {
	case "cnn":
		return "CNN"
	case "bbc":
		return "BBC News"
	case "guardian":
		return "The Guardian"
	case "reuters":
		return "Reuters"
	}
	if suffix == "" {
		return "Newsroom"
	}
	return strings.ToUpper(suffix[:1]) + suffix[1:]
}
