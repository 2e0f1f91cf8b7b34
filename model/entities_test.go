package model

import (
	"testing"
	"unsafe"
)

func TestEntitiesAt(t *testing.T) {
	//         0         1         2         3
	//         0123456789012345678901234567890123456
	// text: "Trump said Trump Trump and Sessions ."
	es := NewEntities("test", []Entity{
		{Name: "Sessions", Mentions: [][2]int{{27, 35}}},
		{Name: "Trump", Mentions: [][2]int{{0, 5}, {11, 16}, {17, 22}}},
	})
	for _, tt := range []struct {
		start, end int
		name       string
		mention    int
	}{
		{0, 5, "Trump", 0},
		{11, 22, "Trump", 1}, // a span holding two copies: the first
		{15, 18, "Trump", 1},
		{18, 19, "Trump", 2},
		{5, 11, "", 0},
		{23, 30, "Sessions", 0},
		{35, 37, "", 0},
	} {
		ent, k, ok := es.At(tt.start, tt.end)
		if ent.Name != tt.name || ok != (tt.name != "") || k != tt.mention {
			t.Errorf("At(%d, %d) = %q mention %d, %v; want %q mention %d", tt.start, tt.end, ent.Name, k, ok, tt.name, tt.mention)
		}
	}
	if es.Len() != 2 {
		t.Errorf("Len = %d, want 2", es.Len())
	}
}

// A mention's index entry is 16 bytes, made once at its size: the editor
// holds one a mention of a long article (524,941 at 20 MB) while it is
// open, where 32-byte entries appended one at a time took 15.6 MB and
// more while growing.
func TestMentionRefIs16Bytes(t *testing.T) {
	if n := unsafe.Sizeof(mentionRef{}); n != 16 {
		t.Errorf("a mention's entry is %d bytes, want 16", n)
	}
	list := []Entity{{Name: "a", Mentions: [][2]int{{0, 1}, {4, 5}}}, {Name: "b", Mentions: [][2]int{{2, 3}}}}
	if es := NewEntities("test", list); cap(es.byPos) != 3 {
		t.Errorf("room for %d mentions, 3 held", cap(es.byPos))
	}
}
