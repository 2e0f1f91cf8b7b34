package model

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestStatsByHand tallies the two hand-made annotations of
// testdata/agree (see TestAgreementByHand for their spans):
//
//	status:   pending 1+0, accepted 2+2, edited 3+4, rejected 2+2
//	category: antecedent 1+1, other 2+2, overwrite 4+4, quote 1+1
//	hours:    alice 10:05 10:12 10:30 10:47 | 11:02 11:15 11:20 (Trump pending)
//	          bob   14:00 14:10 14:11 14:20 14:30 | 15:01 15:05 15:40
//	→ 10h 4, 11h 3, 14h 5, 15h 3: 15 decisions in 4 active hours = 3.75/h
func TestStatsByHand(t *testing.T) {
	st := NewStats()
	for _, f := range []string{"../testdata/agree/a.corefix.json", "../testdata/agree/b.corefix.json"} {
		a, err := ReadAnnotationFile(f)
		if err != nil {
			t.Fatal(err)
		}
		st.Add(a)
	}
	if diff := cmp.Diff(map[Status]int{Pending: 1, Accepted: 4, Edited: 7, Rejected: 4}, st.ByStatus); diff != "" {
		t.Errorf("ByStatus (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[Category]int{Antecedent: 2, Other: 4, Overwrite: 8, Quote: 2}, st.ByCategory); diff != "" {
		t.Errorf("ByCategory (-want +got):\n%s", diff)
	}
	h := func(hour, n int) HourCount { return HourCount{time.Date(2026, 11, 27, hour, 0, 0, 0, time.UTC), n} }
	if diff := cmp.Diff([]HourCount{h(10, 4), h(11, 3), h(14, 5), h(15, 3)}, st.Hours()); diff != "" {
		t.Errorf("Hours (-want +got):\n%s", diff)
	}
	if rate, ok := st.PerHour(); !ok || rate != 3.75 || st.Decisions() != 15 || st.Documents != 2 || st.Spans != 16 {
		t.Errorf("PerHour = %v, %v; Decisions %d, Documents %d, Spans %d; want 3.75, 15, 2, 16",
			rate, ok, st.Decisions(), st.Documents, st.Spans)
	}
	if _, ok := NewStats().PerHour(); ok {
		t.Error("PerHour of nothing is defined")
	}
}
