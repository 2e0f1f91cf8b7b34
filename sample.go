// Package corefix holds the files embedded in the corefix binary; the
// program itself lives in cmd/corefix and the packages model, annotate
// and ui.
package corefix

import _ "embed"

// SampleText is the embedded sample article that `corefix` with no
// arguments opens: a coreference-resolved CNN article (2 March 2017)
// damaged by drifting substitution (see testdata/cnn-sessions.txt).
//
//go:embed testdata/cnn-sessions.txt
var SampleText string

// SampleID is the document id of the sample article.
const SampleID = "cnn-sessions"
