package lexicon

import "strings"

// CliticStyle returns how the document writes the possessive ’s, so a
// proposal matches it: with a curly or straight apostrophe, and split off
// by a space (tokenised corpora: "Trump ’s") or attached ("Trump’s").
// It scans the whole text, so callers compute it once per document.
func CliticStyle(text string) string {
	apos := "'"
	if strings.Count(text, "’s") > strings.Count(text, "'s") {
		apos = "’"
	}
	if strings.Contains(text, " "+apos+"s ") {
		return " " + apos + "s"
	}
	return apos + "s"
}
