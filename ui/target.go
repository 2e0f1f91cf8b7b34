package ui

import "corefix/model"

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

// fileTarget saves to one annotation file.
type fileTarget struct{ w *model.Workfile }

func (t fileTarget) Name() string                        { return t.w.Path }
func (t fileTarget) Save(a *model.Annotation) error      { return t.w.Save(a) }
func (t fileTarget) ForceSave(a *model.Annotation) error { return t.w.ForceSave(a) }
func (t fileTarget) ReadOnly() bool                      { return t.w.ReadOnly }
func (t fileTarget) RescuePath(*model.Annotation) string { return t.w.Path + ".rescue" }
