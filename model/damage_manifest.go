package model

import "encoding/json"

// DamageManifestSchema names the manifest format.
const DamageManifestSchema = "corefix.damage-manifest/v1"

// DamageManifest lists what `corefix-lab damage` generated into a
// directory and how, so a data set can be told apart from another and made
// again: the command line, the damage settings, the inputs and one entry
// per document.
type DamageManifest struct {
	Schema  string          `json:"schema"`
	Command []string        `json:"command"` // the arguments after corefix-lab
	Config  json.RawMessage `json:"config"`  // the damage settings (annotate/damage.Config)
	// LongTokens is the length documents of one genre were joined to (0:
	// not joined).
	LongTokens int                  `json:"long_tokens"`
	Inputs     []string             `json:"inputs"`
	Documents  []DamageManifestItem `json:"documents"`
}

// DamageManifestItem is one generated document: NAME.txt (damaged),
// NAME.orig.txt (original) and NAME.gold.json.
type DamageManifestItem struct {
	Name    string         `json:"name"`
	ID      string         `json:"id"` // the document id (the gold file's)
	Genre   string         `json:"genre"`
	Sources []string       `json:"sources"` // the corpus documents it was made from
	Tokens  int            `json:"tokens"`
	Broken  map[string]int `json:"broken"`  // broken gold spans by category
	Neutral int            `json:"neutral"` // correct substitutions
}

// EncodeDamageManifest writes m as indented JSON ending in a newline.
func EncodeDamageManifest(m *DamageManifest) ([]byte, error) {
	m.Schema = DamageManifestSchema
	return encodeJSON(m, "  ")
}
