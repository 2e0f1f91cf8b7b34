package main

import (
	"flag"
	"fmt"
	"strings"

	"corefix/annotate/align"
	"corefix/model"
)

// clusterFlags are --clusters and --clusters-format: the coreference
// clusters the pipeline used, read once.
type clusterFlags struct {
	path, format string
	docs         []*model.ClusterDoc
}

// declare adds the flags to fs; what says what the clusters are for.
func (c *clusterFlags) declare(fs *flag.FlagSet, what string) {
	fs.StringVar(&c.path, "clusters", "", "the coreference clusters `FILE` the pipeline used (AllenNLP/fastcoref JSON, character offsets, CoNLL-U or CoNLL-2012): "+what)
	fs.StringVar(&c.format, "clusters-format", "", "the `FORMAT` of --clusters when its content should not decide: allennlp, offsets, conllu or conll2012")
}

// given reports whether --clusters was given.
func (c *clusterFlags) given() bool { return c.path != "" }

// check refuses --clusters-format without --clusters and an unknown
// format, before anything is read.
func (c *clusterFlags) check() error {
	if c.format != "" && c.path == "" {
		return &usageError{msg: "--clusters-format goes with --clusters"}
	}
	if _, err := model.ParseClusterFormat(c.format); err != nil {
		return &usageError{msg: err.Error()}
	}
	return nil
}

// load reads the clusters file, once.
func (c *clusterFlags) load() error {
	if c.docs != nil {
		return nil
	}
	format, _ := model.ParseClusterFormat(c.format) // check has refused a bad one
	docs, err := model.ReadClusterFile(c.path, format)
	c.docs = docs
	return err
}

// onText matches the clusters of doc (the file's document with doc's or
// orig's id — NAME for NAME.orig.txt too — or its only one) onto orig,
// the text they were made from.
func (c *clusterFlags) onText(doc, orig *model.Document) (*model.CorefText, error) {
	if err := c.load(); err != nil {
		return nil, err
	}
	d, err := model.FindClusterDoc(c.docs, c.path, doc.ID, orig.ID, strings.TrimSuffix(orig.ID, ".orig"))
	if err != nil {
		return nil, err
	}
	return d.Match(orig.Text, displayName(orig), c.path)
}

// displayName is how messages name a document: its path, or its id when
// it came from a dataset or stdin.
func displayName(d *model.Document) string {
	if d.Path == "" || d.Path == "-" {
		return d.ID
	}
	return d.Path
}

// replayFindings is exact mode with the pipeline's clusters. When no
// pipeline corefix knows writes doc from them, the findings are the
// alignment's, and stderr says so.
func (e *env) replayFindings(doc, orig *model.Document, ct *model.CorefText) ([]model.Finding, error) {
	fs, replayed, err := align.WithClusters(orig, doc, ct)
	if err == nil && !replayed && e.stderr != nil {
		fmt.Fprintf(e.stderr, "corefix: %s: no pipeline corefix knows writes this text from these clusters; findings from the alignment alone\n", displayName(doc))
	}
	return fs, err
}

// recordClusters matches a dataset line's "clusters" onto its original:
// nil when the line has no original or no clusters (they explain a
// resolution only beside the text it was made from).
func recordClusters(rec *model.Record, dataset string) (*model.CorefText, error) {
	if rec.Original == nil || !rec.HasClusters {
		return nil, nil
	}
	d, err := rec.ClusterDoc()
	if err != nil {
		return nil, err
	}
	return d.Match(*rec.Original, fmt.Sprintf("the original of record %q", rec.ID), dataset)
}

// exactFindings runs detection, replaying the pipeline when its clusters
// (ct) are known.
func (e *env) exactFindings(doc, orig *model.Document, ct *model.CorefText) ([]model.Finding, error) {
	if ct != nil {
		return e.replayFindings(doc, orig, ct)
	}
	return findings(doc, orig)
}

// checkClusters refuses --clusters where it means nothing: without the
// original text the clusters were made from, or with a dataset, whose
// lines carry their own.
func checkClusters(c *clusterFlags, original, file string, jsonlFlag bool) error {
	if err := c.check(); err != nil {
		return err
	}
	switch {
	case !c.given():
	case isDataset(file, jsonlFlag):
		return &usageError{msg: "--clusters is for one FILE; a dataset line carries its own \"clusters\""}
	case original == "":
		return &usageError{msg: "--clusters needs --original ORIG, the text the clusters were made from"}
	}
	return nil
}
