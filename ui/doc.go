// Package ui is the corefix review editor: a Bubble Tea v2 program that
// shows an article with its suspected broken substitutions highlighted and
// lets an editor accept, reject or override each fix.
//
// Model is the only tea.Model. The article view, detail panel, strip,
// status bar and override input are plain components sized by layout and
// drawn by Model.View, which changes nothing; the layout changes on a
// resize only, and the panels of the other modes (all keys, a message in
// full) draw over the article. Keys go to the current mode (review, edit,
// note, search, mark, preview, antecedent panel, pane, quit question), a
// component that handles its own keys and names them for the help; a key
// it cannot act on says why (see Model.unhandled). Every decision applies
// to the focused finding, which is always on screen (focus.go), goes
// through model.Annotation and is saved by a Cmd right away to a Target,
// so nothing is lost if the terminal closes: an annotation file (Run) or,
// reviewing a dataset document by document, its review database
// (RunDataset). The package imports model only: files and databases come
// in as Target and Documents, the mention analysis as Options.Entities.
package ui
