package webpage

import (
	"bytes"
	"encoding/json"
	"strings"
)

// ldObject is one JSON-LD object.
type ldObject = map[string]any

// linkedData is what the page's JSON-LD blocks say, flattened: every
// object at the top, in an array or in an @graph, and an index of the
// objects that have an @id.
type linkedData struct {
	objects []ldObject
	lines   []int // the source line of each object's <script>
	byID    map[string]ldObject
}

// add parses one <script type="application/ld+json"> and adds its
// objects. Blocks that are not valid JSON are skipped; common damage
// (an HTML comment or CDATA wrapper, raw line breaks in strings, several
// values one after another) is tolerated.
func (ld *linkedData) add(text string, line int) {
	text = strings.TrimSpace(text)
	for _, w := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		text = strings.TrimPrefix(text, w)
	}
	for _, w := range []string{"-->", "//]]>", "]]>"} {
		text = strings.TrimSuffix(strings.TrimSpace(text), w)
	}
	dec := json.NewDecoder(bytes.NewReader(repairJSON(text)))
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			return
		}
		ld.collect(v, 0, line)
	}
}

// repairJSON mends the damage pages do to their JSON-LD: raw control
// characters (line breaks, tabs) inside strings become spaces, and commas
// before a closing bracket or brace are dropped.
func repairJSON(text string) []byte {
	out := make([]byte, 0, len(text))
	inString, escaped := false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			case c < ' ':
				c = ' '
			}
		case c == '"':
			inString = true
		case c == ',':
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\n' || text[j] == '\r' || text[j] == '\t') {
				j++
			}
			if j < len(text) && (text[j] == ']' || text[j] == '}') {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// collect adds the objects of v, looking into arrays and @graph.
func (ld *linkedData) collect(v any, depth, line int) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.collect(e, depth+1, line)
		}
	case ldObject:
		ld.objects = append(ld.objects, v)
		ld.lines = append(ld.lines, line)
		if id, ok := v["@id"].(string); ok && id != "" {
			if ld.byID == nil {
				ld.byID = map[string]ldObject{}
			}
			if _, dup := ld.byID[id]; !dup {
				ld.byID[id] = v
			}
		}
		if g, ok := v["@graph"]; ok {
			ld.collect(g, depth+1, line)
		}
	}
}

// ldTypes returns the object's @type values.
func ldTypes(o ldObject) []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// isArticleType says whether a schema.org type is an article or a post.
func isArticleType(t string) bool {
	t = strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/")
	switch t {
	case "Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle",
		"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
		"TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting",
		"SatiricalArticle", "AdvertiserContentArticle", "MedicalScholarlyArticle", "Review",
		"Posting", "ClaimReview", "CreativeWork":
		return true
	}
	return strings.HasSuffix(t, "Article")
}

// article returns the object that describes the page's article and its
// type name: the first object of an article type, or failing that the
// first WebPage.
func (ld *linkedData) article() (ldObject, string) {
	for _, o := range ld.objects {
		for _, t := range ldTypes(o) {
			if isArticleType(t) && t != "CreativeWork" {
				return o, t
			}
		}
	}
	for _, o := range ld.objects {
		for _, t := range ldTypes(o) {
			if strings.HasSuffix(t, "WebPage") || t == "CreativeWork" {
				return o, t
			}
		}
	}
	return nil, ""
}

// articleBody returns the longest articleBody of the page's article
// objects, and the line of its <script>.
func (ld *linkedData) articleBody() (string, int) {
	var text string
	line := 0
	for i, o := range ld.objects {
		if s, ok := o["articleBody"].(string); ok && len(s) > len(text) {
			text, line = s, ld.lines[i]
		}
	}
	return text, line
}

// resolve returns the object v refers to: v itself when it is an object
// with more than an @id, else the object of that @id.
func (ld *linkedData) resolve(v any) (ldObject, bool) {
	o, ok := v.(ldObject)
	if !ok {
		return nil, false
	}
	if id, ok := o["@id"].(string); ok && len(o) == 1 {
		if r, ok := ld.byID[id]; ok {
			return r, true
		}
	}
	return o, true
}

// ldString returns v as a string: a string itself, the first string of an
// array, or the @value, @id, url or name of an object, folded.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return fold(v)
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case ldObject:
		for _, k := range []string{"@value", "@id", "url", "name"} {
			if s, ok := v[k].(string); ok && s != "" {
				return fold(s)
			}
		}
	}
	return ""
}

// names returns the names in v: a string, an object with a name (or an
// @id reference to one), or an array of these; deduplicated, in order.
func (ld *linkedData) names(v any) []string {
	var out []string
	seen := map[string]bool{}
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch v := v.(type) {
		case string:
			if s := fold(v); s != "" && !seen[s] && !isURL(s) {
				seen[s] = true
				out = append(out, s)
			}
		case []any:
			for _, e := range v {
				add(e, depth+1)
			}
		case ldObject:
			if o, ok := ld.resolve(v); ok {
				if n, ok := o["name"]; ok {
					add(n, depth+1)
				}
			}
		}
	}
	add(v, 0)
	return out
}

// isURL says whether s looks like an absolute URL.
func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//")
}

// publisherName returns the name of the publisher of the article object a,
// or failing that the name of the page's WebSite or its first
// organization.
func (ld *linkedData) publisherName(a ldObject) (string, string) {
	if a != nil {
		if n := ld.names(a["publisher"]); len(n) > 0 {
			return n[0], "publisher"
		}
	}
	for _, want := range []string{"WebSite", "NewsMediaOrganization", "Organization"} {
		for _, o := range ld.objects {
			for _, t := range ldTypes(o) {
				if t == want {
					if n := ld.names(o["name"]); len(n) > 0 {
						return n[0], want
					}
				}
			}
		}
	}
	return "", ""
}
