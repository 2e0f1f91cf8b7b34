package ui

import "corefix/model"

// The editor reaches its files and databases only through the two
// interfaces below, so it imports model alone: cmd/corefix wires in
// model.Workfile (one annotation file) and store.Review (a dataset's
// review database).

// Target is where the editor keeps decisions: an annotation file or, in
// dataset mode, a review database. The editor calls Save and ForceSave
// from Cmds, on snapshots, never from Update, and one at a time.
type Target interface {
	// Name says where the work goes, for the header and messages.
	Name() string
	// Save stores a, refusing to overwrite a change another program made
	// (model.ErrChangedOnDisk).
	Save(a *model.Annotation) error
	// ForceSave stores a even over such a change, once the user said so.
	ForceSave(a *model.Annotation) error
	// ReadOnly reports that nothing can be saved here: the editor then
	// refuses decisions rather than take work it would lose.
	ReadOnly() bool
	// RescuePath is where the work goes when Save fails as the editor
	// stops: beside the target, never over someone else's work.
	RescuePath(a *model.Annotation) string
}

// generations is a Target that appends the new decisions of most saves
// and now and then writes the annotation whole (model.Workfile): its
// generation counts the whole writes. The editor hands back the memory
// such a write of a long article leaves (Model.saved).
type generations interface {
	Generation() int
}

// generation is t's generation, 0 for a target without (whose saves the
// editor takes for appends).
func generation(t Target) int {
	if g, ok := t.(generations); ok {
		return g.Generation()
	}
	return 0
}

// Documents is a dataset reviewed document by document (] and [) by one
// annotator: its documents with their annotations, where the annotator
// stopped, and where the work goes. Its methods run in Cmds, never in
// Update (Len excepted), and may run concurrently.
type Documents interface {
	// Name says where the work goes, for the header and messages.
	Name() string
	// Len is the number of documents; it does not change.
	Len() int
	// Load reads document i with the annotator's annotation of it,
	// started (detected) when they never saved one; resumed says it was
	// saved before.
	Load(i int) (a *model.Annotation, resumed bool, err error)
	// Done counts the annotator's documents done (no span pending), as
	// saved.
	Done() (int, error)
	// Save stores a, refusing to overwrite a change another program made
	// to the annotator's annotation of it (model.ErrChangedOnDisk).
	Save(a *model.Annotation) error
	// ForceSave stores a even over such a change, once the user said so.
	ForceSave(a *model.Annotation) error
	// ReadOnly reports that nothing can be saved (opened to look while
	// another editor holds the annotator's review).
	ReadOnly() bool
	// Position returns where the annotator stopped: the index of a
	// document and their place in it; ok is false when they never started.
	Position() (doc int, place model.Place, ok bool, err error)
	// SetPosition records that the annotator is at place in document id.
	SetPosition(id string, place model.Place) error
}
