package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"corefix/model"
	"corefix/model/store"
)

// stressEnv runs the stress loop: COREFIX_STRESS=N stops corefix N times
// at random moments (.ci/stress). COREFIX_STRESS_SEED picks the random
// sequence (default: the time; the log says which).
const stressEnv = "COREFIX_STRESS"

// stressStops are the ways a trial ends the editor.
var stressStops = []string{"SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"}

// tally is what the trials of one store and one way of stopping saw.
type tally struct {
	trials, shown, found     int
	shownSaved, foundOfSaved int // kill -9: decisions on screen while it said "saved"
	inFlight                 int // kill -9 trials stopped while a save was in flight
	slowest                  time.Duration
	leftoverTemps            int
}

// TestStressStopAnyTime opens corefix on an annotation file or a dataset
// in a terminal, decides at random, stops it at a random moment (kill -9,
// SIGTERM, the terminal closing, SIGINT; each signal repeated until it
// ends, as shells and tmux do), then reopens the work as the
// editor does and counts the decisions found against those the screen
// showed. Trials come in series of five on the same work, so each one
// also resumes the last. Every signal must save all that was shown and
// exit 1 within 10 s; kill -9 must keep all that was shown as saved, and
// never leave a file that does not load.
func TestStressStopAnyTime(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(stressEnv))
	if n <= 0 {
		t.Skipf("set %s=N to stop corefix N times (.ci/stress)", stressEnv)
	}
	seed, err := strconv.ParseUint(os.Getenv(stressEnv+"_SEED"), 10, 64)
	if err != nil {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("%s_SEED=%d", stressEnv, seed)
	rng := rand.New(rand.NewPCG(seed, 18))
	tallies := map[string]*tally{}
	var w *stressWork
	var exports exportTally
	for i := range n {
		if i%5 == 0 {
			w = newStressWork(t, []string{"file", "dataset"}[i/5%2])
		}
		if i%10 == 9 {
			killExport(t, rng, &exports)
		}
		stop := stressStops[rng.IntN(len(stressStops))]
		key := w.kind + " " + stop
		if tallies[key] == nil {
			tallies[key] = &tally{}
		}
		w.trial(t, rng, stop, tallies[key])
		if t.Failed() {
			t.Fatalf("trial %d (%s) failed; rerun with %s_SEED=%d", i+1, key, stressEnv, seed)
		}
	}
	keys := make([]string, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var total tally
	t.Logf("%-17s %6s %6s %6s %s", "store, stop", "trials", "shown", "found", "notes")
	for _, k := range keys {
		c := tallies[k]
		note := fmt.Sprintf("exit within %v", c.slowest.Round(time.Millisecond))
		if strings.HasSuffix(k, "SIGKILL") {
			note = fmt.Sprintf("shown as saved %d, of them found %d; %d killed during a save; %d temporary files left, removed at reopen",
				c.shownSaved, c.foundOfSaved, c.inFlight, c.leftoverTemps)
		}
		t.Logf("%-17s %6d %6d %6d %s", k, c.trials, c.shown, c.found, note)
		total.trials, total.shown, total.found = total.trials+c.trials, total.shown+c.shown, total.found+c.found
	}
	t.Logf("%-17s %6d %6d %6d", "all", total.trials, total.shown, total.found)
	t.Logf("export --format brat, kill -9: %d trials, %d killed while writing, %d temporary files left, all removed by the next export",
		exports.trials, exports.killed, exports.temps)
}

// exportTally is what the export trials saw.
type exportTally struct{ trials, killed, temps int }

// killExport kills a brat export of a 300-document database at a random
// moment, then exports again into the same directory: the leftovers of the
// first must be gone and the second complete.
func killExport(t *testing.T, rng *rand.Rand, c *exportTally) {
	dir := t.TempDir()
	var lines []byte
	for i := range 300 {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc %d", i), "text": "They The Democrats the election . " + strings.Repeat("word ", 800)})
		lines = append(append(lines, line...), '\n')
	}
	dataset := filepath.Join(dir, "big.jsonl")
	if err := os.WriteFile(dataset, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(store.DefaultPath(dataset), store.Options{Dataset: dataset})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		rec, _ := s.Record(i)
		a, _ := model.NewAnnotation(rec.Document(dataset), []model.Finding{{Start: 5, End: 18, Category: model.Overwrite, Confidence: 0.9,
			Proposals: []model.Proposal{{Text: "lost"}}}}, model.FromDetector)
		a.Annotator = "stress"
		a.Accept(0, 0)
		if err := s.SaveAnnotation(a); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	out := filepath.Join(dir, "brat")
	export := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "export", "--format", "brat", "--db", store.DefaultPath(dataset), "-o", out)
		cmd.Env = append(os.Environ(), cliEnv+"=1")
		return cmd
	}
	first := export()
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
	first.Process.Kill()
	if first.Wait() != nil {
		c.killed++
	}
	temps, _ := filepath.Glob(filepath.Join(out, ".*.tmp-*"))
	c.trials++
	c.temps += len(temps)
	if msg, err := export().CombinedOutput(); err != nil {
		t.Fatalf("export after a killed one: %v\n%s", err, msg)
	}
	if temps, _ := filepath.Glob(filepath.Join(out, ".*.tmp-*")); len(temps) > 0 {
		t.Errorf("temporary files left after the next export: %v", temps)
	}
	if anns, _ := filepath.Glob(filepath.Join(out, "*.ann")); len(anns) != 300 {
		t.Errorf("the next export wrote %d .ann files, want 300", len(anns))
	}
}

// stressWork is the work a series of trials goes on with: an annotation
// file or a dataset with its database, in dir.
type stressWork struct {
	kind, dir string
	args      []string       // the command line
	found     map[string]int // decisions per document after the last trial
}

func newStressWork(t *testing.T, kind string) *stressWork {
	dir := t.TempDir()
	w := &stressWork{kind: kind, dir: dir, found: map[string]int{}}
	if kind == "file" {
		copyFile(t, "../../testdata/cnn-sessions.txt", filepath.Join(dir, "news.txt"))
		w.args = []string{"review", "--annotator", "stress", "news.txt"}
		return w
	}
	var lines []byte
	for i, p := range []string{"../../testdata/cnn-sessions.txt", "../../testdata/align/drift-GUM_news_stampede.txt", "../../testdata/align/clean-GUM_news_stampede.txt"} {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("d%d", i), "text": string(text)})
		lines = append(append(lines, line...), '\n')
	}
	if err := os.WriteFile(filepath.Join(dir, "news.jsonl"), lines, 0o644); err != nil {
		t.Fatal(err)
	}
	w.args = []string{"review", "--annotator", "stress", "news.jsonl"}
	return w
}

func copyFile(t *testing.T, from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// headerCounts reads the header: the document on screen, its decisions
// (spans accepted, edited or rejected) and the save state, which is blank
// until the first change.
var headerCounts = regexp.MustCompile(`accepted (\d+) · edited (\d+) · rejected (\d+)  filter: \S+\s*(saved|saving…|unsaved|NOT SAVED)?`)

// shownNow is what the screen says about the document on it; ok is false
// when the header is not drawn (yet).
func (w *stressWork) shownNow(tm *terminal) (doc string, decided int, state string, ok bool) {
	lines := strings.Split(tm.screen(), "\n")
	if len(lines) < 2 {
		return "", 0, "", false
	}
	m := headerCounts.FindStringSubmatch(lines[1])
	if m == nil {
		return "", 0, "", false
	}
	doc = "news"
	if w.kind == "dataset" {
		doc, _, _ = strings.Cut(strings.TrimSpace(lines[0]), " ")
	}
	for _, s := range m[1:4] {
		k, _ := strconv.Atoi(s)
		decided += k
	}
	state = m[4]
	if state == "" {
		state = "saved" // nothing changed since it was opened
	}
	return doc, decided, state, true
}

// trial opens the editor, checks it resumed what the last trial left,
// decides, stops it by stop and counts what was kept.
func (w *stressWork) trial(t *testing.T, rng *rand.Rand, stop string, c *tally) {
	tm := startTerminal(t, w.dir, 120, 30, w.args...)
	var doc string
	ok := false
	for deadline := time.Now().Add(20 * time.Second); !ok && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		var n int
		// A new file shows its article before its spans: decide once
		// they are found.
		if doc, n, _, ok = w.shownNow(tm); ok && strings.Contains(tm.screen(), "finding spans") {
			ok = false
		} else if ok && n != w.found[doc] {
			t.Errorf("%s reopened showing %d decisions in %s, the last trial found %d", w.kind, n, doc, w.found[doc])
		}
	}
	if !ok {
		t.Fatalf("the editor did not open:\n%s\n%s", tm.screen(), tm.stderr)
	}
	shown := map[string]int{}
	keys := []string{"a", "r", "n", "\r"}
	if w.kind == "dataset" {
		keys = append(keys, "]", "[")
	}
	for range 1 + rng.IntN(12) {
		k := keys[rng.IntN(len(keys))]
		if k == "]" || k == "[" {
			// The editor leaves a document once it is saved: what the
			// screen shows of it before the move is what must be kept.
			if d, n, _, ok := w.shownNow(tm); ok {
				shown[d] = max(shown[d], n)
			}
		}
		tm.typeKeys(k)
		time.Sleep(time.Duration(rng.IntN(25)) * time.Millisecond)
	}
	if rng.IntN(3) > 0 { // else stop right after the last key, likely during its save
		time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
	}
	d, n, state, ok := w.shownNow(tm)
	if ok {
		shown[d] = max(shown[d], n)
	}
	began := time.Now()
	switch stop {
	case "SIGKILL":
		tm.cmd.Process.Kill()
	case "SIGHUP":
		tm.hangUp()
		tm.repeat(syscall.SIGHUP)
	case "SIGTERM":
		tm.cmd.Process.Signal(syscall.SIGTERM)
		tm.repeat(syscall.SIGTERM)
	case "SIGINT":
		tm.cmd.Process.Signal(syscall.SIGINT)
		tm.repeat(syscall.SIGINT)
	}
	status, ended := tm.wait(10 * time.Second)
	took := time.Since(began)
	if !ended {
		t.Fatalf("%s: still running 10 s after %s", w.kind, stop)
	}
	if stop != "SIGKILL" && (status != exitFailure || !strings.Contains(tm.stderr.String(), "your work is saved in")) {
		t.Errorf("%s after %s: exit %d (%v), stderr %q; want 1 and where the work is", w.kind, stop, status, tm.err, tm.stderr)
	}
	if stop == "SIGKILL" {
		temps, _ := filepath.Glob(filepath.Join(w.dir, ".*.tmp-*"))
		c.leftoverTemps += len(temps)
	}
	w.reopen(t)
	c.trials++
	c.slowest = max(c.slowest, took)
	for doc, n := range shown {
		c.shown += n
		c.found += w.found[doc]
		keptAll := w.found[doc] >= n
		if stop == "SIGKILL" && doc == d && state != "saved" {
			c.inFlight++ // shown as not yet saved: kill -9 may lose those
			continue
		}
		if stop == "SIGKILL" {
			c.shownSaved += n
			c.foundOfSaved += min(n, w.found[doc])
		}
		if !keptAll {
			t.Errorf("%s %s: %s showed %d decisions (%s), %d found after reopen", w.kind, stop, doc, n, state, w.found[doc])
		}
	}
	if rescues, _ := filepath.Glob(filepath.Join(w.dir, "*.rescue")); len(rescues) > 0 {
		t.Errorf("%s %s: rescue files %v, though nothing kept the saves from working", w.kind, stop, rescues)
	}
}

// reopen opens the work as the editor does (taking its lock, which the
// stopped editor must have let go) and counts the decisions per document.
func (w *stressWork) reopen(t *testing.T) {
	clear(w.found)
	if w.kind == "file" {
		path := filepath.Join(w.dir, "news.corefix.json")
		f, err := model.OpenWorkfile(path, "stress")
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer f.Close()
		if temps, _ := filepath.Glob(filepath.Join(w.dir, ".*.tmp-*")); len(temps) > 0 {
			t.Errorf("temporary files left after reopening: %v", temps)
		}
		a, err := f.Load()
		if err == nil {
			w.found["news"] = decided(a)
		} else if _, serr := os.Stat(path); serr == nil {
			t.Fatalf("the annotation file does not load: %v", err)
		}
		return
	}
	dataset := filepath.Join(w.dir, "news.jsonl")
	s, err := store.Open(store.DefaultPath(dataset), store.Options{Dataset: dataset})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	r, err := store.NewReview(s, "stress", func(*model.Document, *model.Document) ([]model.Finding, error) { return nil, nil })
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer r.Close()
	for row, err := range s.Annotations("stress") {
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		w.found[row.DocID] = decided(row.Annotation)
	}
}

// decided counts the spans accepted, edited or rejected.
func decided(a *model.Annotation) int { return a.Len() - a.Counts()[model.Pending] }
