package detect

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
)

// The copy scorer's data file, copyscorer.json: the format is detect's
// own (nothing outside reads it but through ParseCopyScorer), so its one
// decoder and one encoder live here.

// copyFileFormat names the data file's schema; a file of another format
// is refused rather than misread.
const copyFileFormat = "corefix.copy-scorer/v1"

// CopyTraining records how a copy scorer was made, written into its data
// file so that anyone can retrain it and compare (docs/lab.md). Paths are
// relative to the repository root, so the file does not depend on the
// machine it was trained on.
type CopyTraining struct {
	Command      string   `json:"command"`        // the command line that wrote the file
	Train        []string `json:"train"`          // directories of the training documents
	Keep         []string `json:"keep,omitempty"` // directories whose P and R the operating point keeps >= 0.90
	L2           float64  `json:"l2"`             // L2 penalty
	Iterations   int      `json:"iterations"`     // gradient steps
	SkipNeutral  bool     `json:"skipNeutral"`    // candidates on correct substitutions left out
	MinPrecision float64  `json:"minPrecision"`   // precision the operating point keeps on Train
	Step         float64  `json:"step"`           // step of the operating-point grid
}

// copyFile is the data file as it is written: the operating point, how
// it was trained, then the weights by feature name.
type copyFile struct {
	Format    string          `json:"format"`
	Threshold float64         `json:"threshold"`
	Veto      float64         `json:"veto"`
	Training  CopyTraining    `json:"training"`
	Weights   json.RawMessage `json:"weights"`
}

//go:embed copyscorer.json
var shippedCopyFile string

// shippedCopyScorer is the scorer corefix ships. A data file that does
// not match the features (a feature added, renamed or dropped without
// retraining) stops the first detection loudly instead of scoring with
// misplaced weights; TestShippedCopyScorer loads it on every test run.
var shippedCopyScorer = sync.OnceValue(func() *CopyScorer {
	s, err := ParseCopyScorer([]byte(shippedCopyFile))
	if err != nil {
		panic("detect: the embedded copyscorer.json: " + err.Error())
	}
	return s
})

// ParseCopyScorer decodes a copy scorer's data file. Every feature must
// have its weight once and no other name may appear: the weights are
// keyed by name, so a change in the features fails here.
func ParseCopyScorer(data []byte) (*CopyScorer, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f copyFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("copy scorer: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("copy scorer: data after the object")
	}
	if f.Format != copyFileFormat {
		return nil, fmt.Errorf("copy scorer: format %q, want %q", f.Format, copyFileFormat)
	}
	w, err := decodeWeights(f.Weights, CopyFeatureNames())
	if err != nil {
		return nil, fmt.Errorf("copy scorer: %w", err)
	}
	return NewCopyScorer(w, f.Threshold, f.Veto, f.Training)
}

// Encode returns the scorer's data file. Floats are written in the
// shortest form that reads back to the same value, so ParseCopyScorer
// returns an identical scorer and the same scorer always gives the same
// bytes.
func (s *CopyScorer) Encode() ([]byte, error) {
	w, err := encodeWeights(s.weights, CopyFeatureNames())
	if err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(copyFile{
		Format: copyFileFormat, Threshold: s.threshold, Veto: s.veto,
		Training: s.training, Weights: w,
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// encodeWeights writes weights as a JSON object keyed by feature name,
// in feature order.
func encodeWeights(w []float64, names []string) (json.RawMessage, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for k, x := range w {
		name, err := json.Marshal(names[k])
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(x)
		if err != nil {
			return nil, err
		}
		if k > 0 {
			b.WriteByte(',')
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// decodeWeights reads weights keyed by feature name, one per name of
// names. It reads the object key by key, so that a name given twice is
// refused too (a map would keep the last silently), and so are unknown
// and missing names: the weights are keyed by name, so a change in the
// features fails here rather than scoring with misplaced weights.
func decodeWeights(data json.RawMessage, names []string) ([]float64, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("weights: want an object keyed by feature name")
	}
	index := make(map[string]int, len(names))
	for k, n := range names {
		index[n] = k
	}
	out := make([]float64, len(names))
	seen := make([]bool, len(names))
	var unknown, twice, missing []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("weights: %w", err)
		}
		name, _ := t.(string) // object keys are strings
		var x float64
		if err := dec.Decode(&x); err != nil {
			return nil, fmt.Errorf("weight of %q: %w", name, err)
		}
		k, ok := index[name]
		switch {
		case !ok:
			unknown = append(unknown, name)
		case seen[k]:
			twice = append(twice, name)
		default:
			out[k], seen[k] = x, true
		}
	}
	for k, ok := range seen {
		if !ok {
			missing = append(missing, names[k])
		}
	}
	var errs []string
	for _, e := range []struct {
		what  string
		names []string
	}{{"unknown", unknown}, {"given twice", twice}, {"missing", missing}} {
		if len(e.names) > 0 {
			errs = append(errs, fmt.Sprintf("%s %s", e.what, strings.Join(e.names, ", ")))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("weights do not match the features (%s): retrain, see docs/lab.md", strings.Join(errs, "; "))
	}
	return out, nil
}
