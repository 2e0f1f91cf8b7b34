package model

import "testing"

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
