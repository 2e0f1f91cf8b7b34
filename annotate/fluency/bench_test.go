package fluency

import (
	"os"
	"syscall"
	"testing"
	"time"

	"corefix/model"
)

// The signals are meant for candidate windows, so their cost is per call;
// Profile's is per token, for scanning a whole text. Run with
// `go test -bench . -run '^$' ./annotate/fluency`.

// cpuTime returns the CPU time the process has used. The machine is
// shared, so wall-clock ns/op swing with other people's work; the CPU time
// per operation (reported as cpu-ns/op) does not.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU reports the CPU time per operation since start, and per unit
// when units > 0 (per token, say).
func reportCPU(b *testing.B, start time.Duration, units int, unit string) {
	per := float64(cpuTime()-start) / float64(b.N)
	b.ReportMetric(per, "cpu-ns/op")
	if units > 0 {
		b.ReportMetric(per/float64(units), "cpu-ns/"+unit)
	}
}

func sample(b *testing.B) (string, []model.Token) {
	data, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	Default() // parsed before the clock starts
	return text, model.Tokenize(text)
}

// BenchmarkSpan: the four Span signals of a two-token span, at every
// position of the sample article in turn.
func BenchmarkSpan(b *testing.B) {
	text, toks := sample(b)
	m := Default()
	k, start := 0, cpuTime()
	for b.Loop() {
		m.Span(text, toks, k, k+1)
		k = (k + 1) % (len(toks) - 1)
	}
	reportCPU(b, start, 0, "")
}

// BenchmarkSlot: the possessive slot's odds of a two-token span, at
// every position of the sample article in turn (detection asks it of most
// of its candidates).
func BenchmarkSlot(b *testing.B) {
	text, toks := sample(b)
	s := DefaultSlot()
	k, start := 0, cpuTime()
	for b.Loop() {
		s.Odds(text, toks, k, k+1, 1)
		k = (k + 1) % (len(toks) - 1)
	}
	reportCPU(b, start, 0, "")
}

// BenchmarkSurprise: one junction.
func BenchmarkSurprise(b *testing.B) {
	text, toks := sample(b)
	m := Default()
	k, start := 0, cpuTime()
	for b.Loop() {
		m.Surprise(text, toks, k)
		k = (k + 1) % len(toks)
	}
	reportCPU(b, start, 0, "")
}

// BenchmarkProfile: one pass over the whole article, reported per token.
func BenchmarkProfile(b *testing.B) {
	text, toks := sample(b)
	m := Default()
	start := cpuTime()
	for b.Loop() {
		m.Profile(text, toks, 0, len(toks))
	}
	reportCPU(b, start, len(toks), "token")
}

// BenchmarkParse: loading the embedded model, paid once per process.
func BenchmarkParse(b *testing.B) {
	start := cpuTime()
	for b.Loop() {
		if _, err := parseText(fluencyTxt); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, 0, "")
}
