package damage

import (
	"corefix/annotate/resolve"
	"corefix/model"
)

// correct resolves the document as `corefix resolve` does, on the text
// the other resolvers start from (spaced as the config says), and records
// every substitution as correct: a detector's finding anywhere in the
// result is a false alarm, which is what a judge must learn to leave
// alone in a correct resolver's output ("Gordon’s death" for "his
// death").
func (d *damager) correct() (*Result, error) {
	text := d.words(model.TokenSpan{Start: 0, End: len(d.doc.Tokens)})
	cd := &model.ClusterDoc{CorefDocument: d.doc}
	ct, err := cd.Match(text, d.doc.ID, d.doc.ID)
	if err != nil {
		return nil, err
	}
	res := resolve.Resolve(ct, resolve.Options{MaxLen: d.cfg.MaxLen})
	fs, err := res.Findings(ct)
	if err != nil {
		return nil, err
	}
	out := &Result{Resolved: res.Text, Original: text}
	// The findings stand on the original, each proposing the words written
	// there: in the resolved text each is shifted by what the ones before
	// it added.
	shift := 0
	for _, f := range fs {
		written := f.Proposals[0].Text
		start := f.Start + shift
		out.Gold = append(out.Gold, model.GoldEdit{Start: start, End: start + len(written),
			Category: model.Substitution, Original: text[f.Start:f.End]})
		shift += len(written) - (f.End - f.Start)
	}
	out.Clusters = written(goldClusters(d.doc))
	return out, nil
}
