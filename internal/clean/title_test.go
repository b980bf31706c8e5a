package clean

import "testing"

func TestUsableTitle(t *testing.T) {
	for s, want := range map[string]bool{
		"Ferry strike strands thousands on Varrow island": true,
		"Vell quarry: what we know so far":                true,
		"OSTROW, Sept":                                    false,
		"OSTROW, Varrow, Sept. 3":                         false,
		"HALLAM —":                                        false,
		"Strike":                                          false,
		"Breaking news":                                   false,
		"Rescuers at the Vell quarry on Tuesday (Photo: Ana Lisk)": false,
		"Photograph: Tomas Eld/Getty Images":                       false,
		"Miners leave the shaft. AP Photo/Ilse Varn":               false,
		"Smoke over the harbour, Reuters/Dan Orrin":                false,
		"AP reporters on the scene saw crowds":                     true,
	} {
		if got := usableTitle(s); got != want {
			t.Errorf("usableTitle(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTakeHeaderMetaDropsUnusableTitle(t *testing.T) {
	a := Article{Title: "(Photo: Ana Lisk)", MetaFrom: map[string]string{"title": "og:title"}}
	takeHeaderMeta(&a)
	if a.Title != "" || a.MetaFrom["title"] != "" {
		t.Errorf("title = %q from %q, want none", a.Title, a.MetaFrom["title"])
	}
}
