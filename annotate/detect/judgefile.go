package detect

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// The judge's data file: detect's own format (nothing outside reads it
// but through ParseJudge), written by corefix-lab train-judge -o. The
// shipped one is judge.json (docs/lab.md says how to make it again).

//go:embed judge.json
var shippedJudgeFile string

// shippedJudge is the judge corefix ships. A data file that does not
// match the features stops the first detection loudly instead of
// splitting on the wrong ones; TestShippedJudge loads it on every test
// run.
var shippedJudge = sync.OnceValue(func() *Judge {
	j, err := ParseJudge([]byte(shippedJudgeFile))
	if err != nil {
		panic("detect: the embedded judge.json: " + err.Error())
	}
	return j
})

// judgeFileFormat names the data file's schema.
const judgeFileFormat = "corefix.judge/v1"

// JudgeTraining records how a judge was made, written into its data file
// so that anyone can retrain it and compare (docs/lab.md). Paths are
// relative to the repository root.
type JudgeTraining struct {
	Command      string   `json:"command"`         // the command line that wrote the file
	Train        []string `json:"train"`           // directories of the training documents
	Keep         []string `json:"keep,omitempty"`  // directories whose P and R the threshold keeps >= 0.90
	Clean        string   `json:"clean,omitempty"` // directory of clean texts of other kinds, all negatives
	Trees        int      `json:"trees"`           // boosting rounds
	Depth        int      `json:"depth"`           // depth of each tree
	Rate         float64  `json:"rate"`            // shrinkage of each tree's leaves
	Lambda       float64  `json:"lambda"`          // L2 penalty of the leaf values
	MinHessian   float64  `json:"minHessian"`      // least hessian a leaf keeps
	MinPrecision float64  `json:"minPrecision"`    // precision the threshold keeps on Train
	// HeldOut is the figure to trust: precision and recall of judges
	// trained with one genre left out, on that genre, as the command
	// printed them.
	HeldOut []string `json:"heldOut"`
}

// judgeFile is the data file as it is written: the trees' nodes name
// their features, so a change in the features fails on load instead of
// splitting on the wrong one.
type judgeFile struct {
	Format    string        `json:"format"`
	Threshold float64       `json:"threshold"`
	Training  JudgeTraining `json:"training"`
	Base      float64       `json:"base"`
	Trees     [][]fileNode  `json:"trees"`
}

// fileNode is a tree node as the file writes it: an inner node with its
// feature by name, or a leaf with its value.
type fileNode struct {
	Feature string   `json:"feature,omitempty"`
	Bin     int      `json:"bin,omitempty"`
	Left    int      `json:"left,omitempty"`
	Right   int      `json:"right,omitempty"`
	Value   *float64 `json:"value,omitempty"`
}

// ParseJudge decodes a judge's data file; a node naming a feature the
// judge does not have is refused.
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
	index := make(map[string]int, numJudgeFeatures)
	for k, n := range JudgeFeatureNames() {
		index[n] = k
	}
	trees := make([][]JudgeNode, len(f.Trees))
	for k, t := range f.Trees {
		for n, x := range t {
			node := JudgeNode{Feature: -1, Bin: x.Bin, Left: x.Left, Right: x.Right}
			switch {
			case x.Value != nil && x.Feature == "":
				node.Value = *x.Value
			case x.Value == nil && x.Feature != "":
				f, ok := index[x.Feature]
				if !ok {
					return nil, fmt.Errorf("judge: tree %d node %d: unknown feature %s: retrain, see docs/lab.md", k, n, x.Feature)
				}
				node.Feature = f
			default:
				return nil, fmt.Errorf("judge: tree %d node %d: want a feature or a value", k, n)
			}
			trees[k] = append(trees[k], node)
		}
	}
	return NewJudge(f.Base, trees, f.Threshold, f.Training)
}

// Encode returns the judge's data file; the same judge always gives the
// same bytes, and ParseJudge reads them back to an identical judge.
func (j *Judge) Encode() ([]byte, error) {
	f := judgeFile{Format: judgeFileFormat, Threshold: j.threshold, Training: j.training, Base: j.base}
	for _, t := range j.trees {
		var nodes []fileNode
		for _, x := range t {
			if x.Feature < 0 {
				v := x.Value
				nodes = append(nodes, fileNode{Value: &v})
			} else {
				nodes = append(nodes, fileNode{Feature: judgeFeatureName(x.Feature), Bin: x.Bin, Left: x.Left, Right: x.Right})
			}
		}
		f.Trees = append(f.Trees, nodes)
	}
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
