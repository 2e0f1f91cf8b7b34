package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
)

func TestZZDrift(t *testing.T) {
	dir := os.Getenv("ZZDRIFT")
	if dir == "" {
		t.Skip()
	}
	r, _ := shippedRules()
	files, _ := filepath.Glob(dir + "/*/*.orig.txt")
	for _, of := range files {
		tf := strings.TrimSuffix(of, ".orig.txt") + ".txt"
		orig, _ := model.ReadDocument(of)
		doc, _ := model.ReadDocument(tf)
		a := newAlignment(orig, doc, r)
		if a.checkPairing() != nil {
			continue
		}
		subs := a.substitutions()
		strong := 0
		var ex []string
		n, other := 0, 0
		for _, s := range subs {
			if s.a1 < s.a2 && s.b1 < s.b2 {
				n++
				if !a.namesSame(s) {
					other++
				}
			}
			if a.strongDrift(s) {
				strong++
				if len(ex) < 3 {
					ex = append(ex, fmt.Sprintf("%q->%q", a.origText(s.a1, s.a2), a.docText(s.b1, s.b2)))
				}
			}
		}
		fmt.Printf("%s\tstrong=%d\tunrel=%d/%d\t%s\n", filepath.Base(tf), strong, other, n, strings.Join(ex, " | "))
	}
}
