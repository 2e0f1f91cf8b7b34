// Package model is corefix's domain: documents, findings, annotation spans
// and their decisions, undo history, the corrected text, and the file
// formats: annotation, gold and findings files, dataset lines and the
// brat and JSON Lines exports, each read and written only here.
//
// Inside the program every span is a half-open byte range into the document
// text, scoring included. The files on disk speak Unicode code points
// (docs/formats.md); the conversion happens in one place,
// Document.RuneOffset / Document.ByteOffset, called only by the file
// encoders and decoders.
//
// model never imports a UI package and does no I/O except in the explicit
// file functions (ReadAnnotationFile, WriteFileAtomic).
package model
