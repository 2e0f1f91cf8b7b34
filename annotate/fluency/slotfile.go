package fluency

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The possessive slot's data file, slot.json: the weights by feature
// name, written by corefix-lab possessive-slot against the embedded
// fluency model (docs/lab.md says how to make it again). Names, not
// keys, so a file trained against other tags fails on load.

//go:embed slot.json
var slotJSON []byte

// DefaultSlot returns the possessive slot of the embedded data over
// Default(), parsed on first use. It is never modified after.
func DefaultSlot() *Slot { return defaultSlot() }

var defaultSlot = sync.OnceValue(func() *Slot {
	s, err := ParseSlot(Default(), slotJSON)
	if err != nil {
		panic("fluency: embedded slot.json: " + err.Error()) // TestDefaultSlot guards it
	}
	return s
})

// SlotFormat names the slot file's schema.
const SlotFormat = "corefix.possessive-slot/v1"

// SlotTraining records how a slot file was made.
type SlotTraining struct {
	Command    string  `json:"command"`    // the command line that wrote the file
	Source     string  `json:"source"`     // the corpus and its licence
	Examples   int     `json:"examples"`   // personal pronouns read
	Possessive int     `json:"possessive"` // of which possessive determiners
	L2         float64 `json:"l2"`         // the weights' penalty
	Iterations int     `json:"iterations"` // gradient steps
	LogLoss    float64 `json:"logLoss"`    // mean log loss on the examples
}

type slotFile struct {
	Format   string             `json:"format"`
	Training SlotTraining       `json:"training"`
	Weights  map[string]float64 `json:"weights"`
}

// ParseSlot decodes a slot file over m; a feature m's tags cannot name
// is refused.
func ParseSlot(m *Model, data []byte) (*Slot, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f slotFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if f.Format != SlotFormat {
		return nil, fmt.Errorf("format %q, want %q", f.Format, SlotFormat)
	}
	s := NewSlot(m)
	s.weights = make(map[uint32]float64, len(f.Weights))
	for name, v := range f.Weights {
		k, err := s.key(name)
		if err != nil {
			return nil, err
		}
		s.weights[k] = v
	}
	s.table = newSlotWeights(s.weights)
	return s, nil
}

// WriteSlot writes a slot file of weights by key.
func (s *Slot) WriteSlot(w io.Writer, weights map[uint32]float64, t SlotTraining) error {
	f := slotFile{Format: SlotFormat, Training: t, Weights: make(map[string]float64, len(weights))}
	for _, k := range slices.Sorted(maps.Keys(weights)) {
		f.Weights[s.Name(k)] = weights[k]
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// slotKindNames returns the kinds' names in a file, by kind.
func slotKindNames() [slotKinds]string {
	return [slotKinds]string{"", "bias", "tag", "upos", "after-pair", "around", "after-run",
		"owned", "owned-nat", "capital", "owned-next", "gain", "head", "head-owned"}
}

// Name returns the name of a feature key, as a file writes it: the kind,
// then "=" and its parts joined by "_" (window positions as numbers, tags
// as UPOS/XPOS, UPOS by name, "-" for a word the window lacks).
func (s *Slot) Name(k uint32) string {
	kind, a, b, c := int(k>>24), int(k>>16&0xff), int(k>>8&0xff), int(k&0xff)
	tag := func(t int) string {
		if t == slotNone {
			return "-"
		}
		return s.m.tags[t].upos + "/" + s.m.tags[t].xpos
	}
	upos := func(u int) string {
		if u == slotNone {
			return "-"
		}
		return s.uposName[u]
	}
	name := slotKindNames()[kind]
	switch kind {
	case slotTag:
		return name + "=" + strconv.Itoa(a) + "_" + tag(b)
	case slotUPOS:
		return name + "=" + strconv.Itoa(a) + "_" + upos(b)
	case slotAfterPair, slotAround:
		return name + "=" + upos(a) + "_" + upos(b)
	case slotAfterRun:
		return name + "=" + upos(a) + "_" + upos(b) + "_" + upos(c)
	case slotOwnedNat:
		return name + "=" + strconv.Itoa(a+ownedNatMin)
	case slotHead:
		return name + "=" + strconv.Itoa(a)
	}
	return name
}

// key is Name's inverse.
func (s *Slot) key(name string) (uint32, error) {
	kindName, args, _ := strings.Cut(name, "=")
	names := slotKindNames()
	kind := slices.Index(names[:], kindName)
	if kind < 1 {
		return 0, fmt.Errorf("feature %q: unknown kind", name)
	}
	parts := strings.Split(args, "_")
	var ids [3]int
	bad := func() (uint32, error) { return 0, fmt.Errorf("feature %q: this model has no such feature", name) }
	tagID := func(p string) (int, bool) {
		if p == "-" {
			return slotNone, true
		}
		up, xp, _ := strings.Cut(p, "/")
		t := slices.Index(s.m.tags, pair{up, xp})
		return t, t >= 0
	}
	uposID := func(p string) (int, bool) {
		if p == "-" {
			return slotNone, true
		}
		u := slices.Index(s.uposName, p)
		return u, u >= 0
	}
	var read []func(string) (int, bool)
	position := func(p string) (int, bool) {
		n, err := strconv.Atoi(p)
		return n, err == nil && n >= 0 && n < len(SlotWindow{})
	}
	switch kind {
	case slotTag:
		read = append(read, position, tagID)
	case slotHead:
		read = append(read, position)
	case slotUPOS:
		read = append(read, position, uposID)
	case slotAfterPair, slotAround:
		read = append(read, uposID, uposID)
	case slotAfterRun:
		read = append(read, uposID, uposID, uposID)
	case slotOwnedNat:
		read = append(read, func(p string) (int, bool) {
			n, err := strconv.Atoi(p)
			return n - ownedNatMin, err == nil && n >= ownedNatMin && n <= ownedNatMax
		})
	}
	if len(read) == 0 && args != "" || len(read) > 0 && len(parts) != len(read) {
		return bad()
	}
	for n, f := range read {
		v, ok := f(parts[n])
		if !ok {
			return bad()
		}
		ids[n] = v
	}
	return slotKey(kind, ids[0], ids[1], ids[2]), nil
}
