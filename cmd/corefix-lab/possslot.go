package main

import (
	"bytes"
	"fmt"
	"io"

	"corefix/annotate/fluency"
	"corefix/model"
)

// possessive-slot: the data file behind fluency.Slot, a logistic model
// of whether a personal pronoun's slot held a possessive determiner
// ("his") or not ("he", "him"), read from the words around it in UD
// English EWT. The treebank marks every pronoun's case, so the labels
// need no word list: PRP$ is possessive, PRP with a case (Nom or Acc) is
// not, and a pronoun standing alone ("hers", "mine") has neither.

func possessiveSlotCommand() command {
	return command{name: "possessive-slot", summary: "train the possessive slot's data file from UD EWT", run: runPossessiveSlot}
}

// The training's settings: a light penalty (the features are a few
// thousand over 18,000 examples) and steps enough that the loss no
// longer moves in the fourth decimal.
const (
	slotL2         = 0.001
	slotIterations = 300
)

func runPossessiveSlot(args []string, stdout, stderr io.Writer) error {
	fs := flagSet("possessive-slot", stderr)
	dir := fs.String("ewt", "../shared/data/ud-ewt", "`folder` of the corpus's *.conllu files")
	out := fs.String("out", "annotate/fluency/slot.json", "data `file` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	docs, err := readCorefInputs([]string{*dir})
	if err != nil {
		return err
	}
	m := fluency.Default()
	xs, ys, keys := slotExamples(m, docs)
	if len(xs) == 0 {
		return fmt.Errorf("%s: no personal pronouns", *dir)
	}
	w := trainLogistic(xs, ys, len(keys), slotL2, slotIterations)
	weights := make(map[uint32]float64, len(keys))
	for k, key := range keys {
		if w[k] != 0 {
			weights[key] = w[k]
		}
	}
	t := fluency.SlotTraining{
		Command:    "go run ./cmd/corefix-lab possessive-slot",
		Source:     "Universal Dependencies English Web Treebank (Silveira et al. 2014), CC BY-SA 4.0",
		Examples:   len(xs),
		Possessive: int(sum(ys)),
		L2:         slotL2,
		Iterations: slotIterations,
		LogLoss:    meanLogLoss(xs, ys, w),
	}
	var buf bytes.Buffer
	if err := fluency.NewSlot(m).WriteSlot(&buf, weights, t); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d pronouns (%d possessive), %d features, log loss %.4f\n", t.Examples, t.Possessive, len(keys), t.LogLoss)
	return model.WriteFileAtomic(*out, buf.Bytes(), 0o644)
}

// slotExamples returns the features of every personal pronoun's slot of
// docs, 1 for a possessive determiner, and the feature keys in the order
// they were first seen (the features' indices).
func slotExamples(m *fluency.Model, docs []*model.CorefDocument) (xs []sparse, ys []float64, keys []uint32) {
	slot := fluency.NewSlot(m)
	index := map[uint32]int{}
	var fs []fluency.SlotFeature
	for _, d := range docs {
		words := make([]string, len(d.Tokens))
		for i, t := range d.Tokens {
			words[i] = t.Form
		}
		for i, t := range d.Tokens {
			possessive := t.XPOS == "PRP$"
			if !possessive && (t.XPOS != "PRP" || t.Case == "") {
				continue
			}
			var w fluency.SlotWindow
			for k, at := range [...]int{i - 2, i - 1, -1, i + 1, i + 2, i + 3} {
				if at >= 0 && at < len(d.Tokens) {
					w[k] = d.Tokens[at].Form
				}
			}
			fs = slot.TrainingFeatures(w, m.SplicedGain(words, i), possessive, fs[:0])
			var x sparse
			for _, f := range fs {
				k, ok := index[f.Key]
				if !ok {
					k = len(keys)
					index[f.Key] = k
					keys = append(keys, f.Key)
				}
				x.k = append(x.k, k)
				x.v = append(x.v, f.Value)
			}
			y := 0.0
			if possessive {
				y = 1
			}
			xs = append(xs, x)
			ys = append(ys, y)
		}
	}
	return xs, ys, keys
}
