package ui

import "testing"

func TestComputeLayout(t *testing.T) {
	tests := []struct {
		w, h int
		want layout
	}{
		{40, 12, layout{Width: 40, Header: 1, Article: 6, Strip: 1, Detail: 2, Status: 1, Help: 1}},
		{80, 24, layout{Width: 80, Header: 2, Article: 15, Strip: 1, Detail: 4, Status: 1, Help: 1}},
		{80, 20, layout{Width: 80, Header: 2, Article: 12, Strip: 1, Detail: 3, Status: 1, Help: 1}},
		{300, 100, layout{Width: 300, Header: 2, Article: 90, Strip: 1, Detail: 5, Status: 1, Help: 1}},
		{120, 40, layout{Width: 120, Header: 2, Article: 30, Strip: 1, Detail: 5, Status: 1, Help: 1}},
		{10, 3, layout{Width: 10, Header: 1, Article: 1, Strip: 0, Detail: 0, Status: 1, Help: 0}},
		{0, 0, layout{Width: 1}},
	}
	for _, tt := range tests {
		got := computeLayout(tt.w, tt.h)
		if got != tt.want {
			t.Errorf("computeLayout(%d, %d) = %+v, want %+v", tt.w, tt.h, got, tt.want)
		}
		if sum := got.Header + got.Article + got.Strip + got.Detail + got.Status + got.Help; tt.h > 0 && sum != tt.h {
			t.Errorf("computeLayout(%d, %d) uses %d rows", tt.w, tt.h, sum)
		}
	}
}
