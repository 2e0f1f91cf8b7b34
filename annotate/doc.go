// Package annotate finds suspected broken coreference substitutions.
//
// Detectors are pure functions of a model.Document: no I/O, no globals,
// deterministic, results sorted by offset. Default lists them; Detect runs
// them all and merges their findings per region so spans never overlap.
package annotate
