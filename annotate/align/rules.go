package align

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"corefix/annotate/lexicon"
)

// rulesJSON holds exact mode's hand-set rules (see its "about").
//
//go:embed rules.json
var rulesJSON string

// shippedRules are rules.json and the lexicon's exact-mode classes,
// loaded once; Align hands them to every alignment it builds.
var shippedRules = sync.OnceValues(func() (*rules, error) { return loadRules([]byte(rulesJSON)) })

// rules are what exact mode is tuned by: the confidence of each verdict,
// its thresholds and weights and the words of its findings (rules.json),
// and the word classes its conditions test (words.txt). They are never
// written after loading.
type rules struct {
	About     string         `json:"about"`
	Verdicts  verdictRules   `json:"verdicts"`
	Drift     driftRules     `json:"drift"`
	Pairing   pairingRules   `json:"pairing"`
	Split     splitRules     `json:"split"`
	Inventory inventoryRules `json:"inventory"`
	Demonym   demonymRule    `json:"demonym"`
	Messages  messages       `json:"messages"`
	Notes     notes          `json:"notes"`

	words wordClasses
}

// confidence is how sure a verdict rule is, and why that much.
type confidence struct {
	Value float64 `json:"confidence"`
	Why   string  `json:"why"`
}

// param is a threshold or weight, and why it has its value.
type param[T int | float64] struct {
	Value T      `json:"value"`
	Why   string `json:"why"`
}

// verdictRules are the confidences classify and possessiveConf give, one
// per rule that decides a verdict.
type verdictRules struct {
	Inserted             confidence `json:"inserted"`
	Deleted              confidence `json:"deleted"`
	StrongDrift          confidence `json:"strong_drift"`
	WeakDrift            confidence `json:"weak_drift"`
	ShiftedRep           confidence `json:"shifted_representative"`
	DropsClitic          confidence `json:"drops_clitic"`
	Disagrees            confidence `json:"disagrees"`
	MentionOverlaps      confidence `json:"mention_overlaps"`
	InsideName           confidence `json:"inside_name"`
	StartsWithHead       confidence `json:"starts_with_head"`
	Possessive           confidence `json:"possessive"`
	PossessiveKeptClitic confidence `json:"possessive_kept_clitic"`
	PossessiveOrObject   confidence `json:"possessive_or_object"`
	PossessiveDemonym    confidence `json:"possessive_demonym"`
	UnrelatedSlice       confidence `json:"unrelated_slice"`
	QuotedSpeaker        confidence `json:"quoted_speaker"`
	QuotedThirdPerson    confidence `json:"quoted_third_person"`
	FormChanged          confidence `json:"form_changed"`
	Correct              confidence `json:"correct"`
	Replayed             confidence `json:"replayed"`
}

// driftRules decide whether a document drifts (classify).
type driftRules struct {
	MinStrong        param[int]     `json:"min_strong"`
	StrongShare      param[float64] `json:"strong_share"`
	MinSubstitutions param[int]     `json:"min_substitutions"`
	UnrelatedShare   param[float64] `json:"unrelated_share"`
}

// pairingRules decide whether two texts are an original and its
// resolution (checkPairing).
type pairingRules struct {
	MinTokens             param[int]     `json:"min_tokens"`
	MinAlignedShare       param[float64] `json:"min_aligned_share"`
	NormalisedDifferences param[int]     `json:"normalised_differences"`
}

// splitRules cut a hunk of side-by-side representatives into slices
// (splitJoined and the joint cut).
type splitRules struct {
	MaxDrift        param[int]     `json:"max_drift"`
	DriftSlack      param[int]     `json:"drift_slack"`
	BeyondBound     param[float64] `json:"beyond_bound"`
	MaxMentionLen   param[int]     `json:"max_mention_len"`
	MentionWeight   param[float64] `json:"mention_weight"`
	PronounMention  param[float64] `json:"pronoun_mention"`
	PartMention     param[float64] `json:"part_mention"`
	LengthPrior     param[float64] `json:"length_prior"`
	JointCandidates param[int]     `json:"joint_candidates"`
}

// inventoryRules find the representatives and re-pair the diff around
// them (inventory, keptCopies, slideKept, reDiffShortAnchors, phraseRep).
type inventoryRules struct {
	MaxJoinGap      param[int] `json:"max_join_gap"`
	JoinHunks       param[int] `json:"join_hunks"`
	MaxKeptCopy     param[int] `json:"max_kept_copy"`
	MaxSlide        param[int] `json:"max_slide"`
	MinPhraseCopies param[int] `json:"min_phrase_copies"`
	MaxPhraseTail   param[int] `json:"max_phrase_tail"`
}

// demonymRule tells a nationality adjective by its ending.
type demonymRule struct {
	Suffixes []string `json:"suffixes"`
	MinStem  int      `json:"min_stem"`
	Why      string   `json:"why"`
}

// messages are the finding messages by verdict kind, templates (fill).
type messages struct {
	Substitution string `json:"substitution"`
	Possessive   string `json:"possessive"`
	Quoted       string `json:"quoted"`
	Inserted     string `json:"inserted"`
	Deleted      string `json:"deleted"`
	Drifted      string `json:"drifted"`
	Overlap      string `json:"overlap"`
	Replayed     string `json:"replayed"`
	FormChanged  string `json:"form_changed"`
}

// notes are the notes of the proposals.
type notes struct {
	Restore        string `json:"restore"`
	MakePossessive string `json:"make_possessive"`
	BracketEntity  string `json:"bracket_entity"`
	RemoveAdded    string `json:"remove_added"`
	MoveResolution string `json:"move_resolution"`
}

// wordClasses are the lexicon's exact-mode classes the conditions test.
type wordClasses struct {
	title, demonstrative, speaker, neuter, possOrObj lexicon.WordSet
}

// The placeholders of a message template.
const (
	phOriginal   = "{original}"   // the original words, quoted
	phResolution = "{resolution}" // the resolved words, quoted
	phMessage    = "{message}"    // the message a joined finding extends
	phMention    = "{mention}"    // the mention a representative was meant for (fillMention)
)

// fill writes a message template of rules.json. An unknown placeholder
// stays as it is (loadRules refuses one).
func fill(template, original, resolution, message string) string {
	// One allocation for the message: quoting goes through a buffer on
	// the stack, not a string of its own (a finding's messages were a
	// tenth of Align's allocations).
	var b strings.Builder
	b.Grow(len(template) + len(original) + len(resolution) + len(message) + 8)
	var q [128]byte
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			break
		}
		b.WriteString(template[:i])
		switch t := template[i:]; {
		case strings.HasPrefix(t, phOriginal):
			b.Write(strconv.AppendQuote(q[:0], original))
			template = t[len(phOriginal):]
		case strings.HasPrefix(t, phResolution):
			b.Write(strconv.AppendQuote(q[:0], resolution))
			template = t[len(phResolution):]
		case strings.HasPrefix(t, phMessage):
			b.WriteString(message)
			template = t[len(phMessage):]
		default:
			b.WriteByte('{')
			template = t[1:]
		}
	}
	b.WriteString(template)
	return b.String()
}
