// Package ui is the corefix review editor: a Bubble Tea v2 program that
// shows an article with its suspected broken substitutions highlighted and
// lets an editor accept, reject or override each fix.
//
// Model is the only tea.Model. The article view, detail panel, strip,
// status bar and override input are plain components sized by layout and
// drawn by Model.View, which changes nothing. Keys go to the current mode
// (review, edit, search, mark, preview, quit question), a component that
// handles its own keys and names them for the help. Every decision goes
// through model.Annotation and is saved by a Cmd right away to a Target,
// so nothing is lost if the terminal closes: an annotation file (Run) or,
// reviewing a dataset document by document, its review database
// (RunDataset). The package imports model only: files and databases come
// in as Target and Documents.
package ui
