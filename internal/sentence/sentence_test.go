package sentence

import (
	"reflect"
	"testing"
)

func texts(s string) []string {
	var out []string
	for _, sp := range Split(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Kim arrived. He toured a warship! Why?", []string{"Kim arrived.", "He toured a warship!", "Why?"}},
		{"missing space", "add to these concerns.Koffler argued that it helps.", []string{"add to these concerns.", "Koffler argued that it helps."}},
		{"glued closing quote", "“Russia plans to use it in Ukraine.”However, Adrienne Watson spoke.", []string{"“Russia plans to use it in Ukraine.”", "However, Adrienne Watson spoke."}},
		{"titles", "However, Gen. Milley expressed skepticism. Adm. Rob Bauer agreed.", []string{"However, Gen. Milley expressed skepticism.", "Adm. Rob Bauer agreed."}},
		{"month abbreviation", "It began on Sept. 11 in the city. Then it ended.", []string{"It began on Sept. 11 in the city.", "Then it ended."}},
		{"acronym mid-sentence", "implications for U.S. security. Two of them.", []string{"implications for U.S. security.", "Two of them."}},
		{"acronym at end", "He flew to the U.S. The trip was long.", []string{"He flew to the U.S.", "The trip was long."}},
		{"acronym before name", "The U.S. Army said so.", []string{"The U.S. Army said so."}},
		{"initials", "John F. Kennedy spoke. Crowds cheered.", []string{"John F. Kennedy spoke.", "Crowds cheered."}},
		{"decimals", "Growth was 3.5 percent. It fell.", []string{"Growth was 3.5 percent.", "It fell."}},
		{"domain", "Visit example.com for more. Thanks.", []string{"Visit example.com for more.", "Thanks."}},
		{"ellipsis lower", "He paused... and went on. Done.", []string{"He paused... and went on.", "Done."}},
		{"ellipsis upper", "He paused… Then he went on.", []string{"He paused…", "Then he went on."}},
		{"quote spanning sentences", "KCNA reported that “Kim will visit Russia. He will meet Putin.” The visit was secret.",
			[]string{"KCNA reported that “Kim will visit Russia. He will meet Putin.”", "The visit was secret."}},
		{"quote then attribution", "“Two of our top adversaries are joining forces,” Koffler said. She went on.",
			[]string{"“Two of our top adversaries are joining forces,” Koffler said.", "She went on."}},
		{"straight quotes", `He said "It is over. We won." Then he left.`, []string{`He said "It is over. We won."`, "Then he left."}},
		{"unclosed quote", "He said “this never closes. Next sentence here. And another.", []string{"He said “this never closes.", "Next sentence here.", "And another."}},
		{"no terminal", "a fragment with no end", []string{"a fragment with no end"}},
		{"number start", "It rose. 2023 was a hard year.", []string{"It rose.", "2023 was a hard year."}},
		{"lowercase after stop", "The cost was 5 p.m. yesterday in town. It rained.", []string{"The cost was 5 p.m. yesterday in town.", "It rained."}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Kim arrived. He left.", "concerns.Koffler", "“A. B.”C", "U.S. The", "...", "\"\"\"", "a.\xffB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range Split(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v (previous end %d) in %q", sp, last, s)
			}
			last = sp.End
		}
	})
}
