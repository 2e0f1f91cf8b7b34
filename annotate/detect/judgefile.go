package detect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// The judge's data file: detect's own format (nothing outside reads it
// but through ParseJudge), written by corefix-lab train-judge -o. No judge
// ships yet: measured leave-one-genre-out it trades too much recall for
// its precision (docs/experiments.md, "The judge").

// judgeFileFormat names the data file's schema.
const judgeFileFormat = "corefix.judge/v1"

// JudgeTraining records how a judge was made, written into its data file
// so that anyone can retrain it and compare (docs/lab.md). Paths are
// relative to the repository root.
type JudgeTraining struct {
	Command      string   `json:"command"`        // the command line that wrote the file
	Train        []string `json:"train"`          // directories of the training documents
	Keep         []string `json:"keep,omitempty"` // directories whose P and R the threshold keeps >= 0.90
	L2           float64  `json:"l2"`             // L2 penalty
	Iterations   int      `json:"iterations"`     // gradient steps
	MinPrecision float64  `json:"minPrecision"`   // precision the threshold keeps on Train
	// HeldOut is the figure to trust: precision and recall of judges
	// trained with one genre left out, on that genre, as the command
	// printed them.
	HeldOut []string `json:"heldOut"`
}

// judgeFile is the data file as it is written.
type judgeFile struct {
	Format    string          `json:"format"`
	Threshold float64         `json:"threshold"`
	Training  JudgeTraining   `json:"training"`
	Weights   json.RawMessage `json:"weights"`
}

// ParseJudge decodes a judge's data file; the weights are keyed by
// feature name, every feature once.
func ParseJudge(data []byte) (*Judge, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f judgeFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("judge: data after the object")
	}
	if f.Format != judgeFileFormat {
		return nil, fmt.Errorf("judge: format %q, want %q", f.Format, judgeFileFormat)
	}
	w, err := decodeWeights(f.Weights, JudgeFeatureNames())
	if err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	return NewJudge(w, f.Threshold, f.Training)
}

// Encode returns the judge's data file; the same judge always gives the
// same bytes, and ParseJudge reads them back to an identical judge.
func (j *Judge) Encode() ([]byte, error) {
	w, err := encodeWeights(j.weights, JudgeFeatureNames())
	if err != nil {
		return nil, err
	}
	out, err := json.MarshalIndent(judgeFile{Format: judgeFileFormat, Threshold: j.threshold, Training: j.training, Weights: w}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
