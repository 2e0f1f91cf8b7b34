// Package eval scores findings against gold files: precision and recall
// by category, fix accuracy, false alarms on untouched text, and how far
// the corrected text (every first proposal applied) is from the gold
// correction, in word edits.
package eval
