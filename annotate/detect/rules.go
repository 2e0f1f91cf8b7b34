package detect

// Rules are the hand rules' numbers and words, from rules.json: the
// confidence and message of each finding a rule makes, the notes of the
// proposals, and the counts and distances the rules test against. The
// code keeps the conditions; rules.json says how sure each one is. A
// detector's group is named as its Name.
type Rules struct {
	// Misfit judges a recurring noun phrase by the words around it
	// (slot.go); recurring-mention reports its verdicts.
	Misfit struct {
		DeterminerThenPhrase Rule `json:"determiner-then-phrase"`
		SubjectThenPhrase    Rule `json:"subject-then-phrase"`
		LostFullStop         Rule `json:"lost-full-stop"`
		PhraseThenPhrase     Rule `json:"phrase-then-phrase"`
		NounThenPhrase       Rule `json:"noun-then-phrase"`
	} `json:"misfit"`
	Collision struct {
		SubjectThenPhrase      Rule `json:"subject-then-phrase"`
		PossessiveThenPronoun  Rule `json:"possessive-then-pronoun"`
		TwoPronouns            Rule `json:"two-pronouns"`
		SubjectAfterDeterminer Rule `json:"subject-after-determiner"`
		DanglingClitic         Rule `json:"dangling-clitic"`
		StrayPronoun           Rule `json:"stray-pronoun"`
	} `json:"pronoun-then-mention"`
	// Recurring judges the later copies of a recurring phrase
	// (recurring.go, confirmed.go, copyscore.go).
	Recurring struct {
		DriftCopy     Rule `json:"drift-copy"`
		ShownCopy     Rule `json:"shown-copy"`
		ConfirmedCopy Rule `json:"confirmed-copy"`
		// ScoredCopy is the message of a copy a learned scorer (the copy
		// scorer or the judge) flags where no hand rule did.
		ScoredCopy string `json:"scored-copy"`
		// MisfitLead opens the message of a copy judged by its slot alone,
		// so that it says why a recurring phrase is flagged before how
		// the slot misfits.
		MisfitLead string `json:"misfit-lead"`
		// ClearMisfit is the misfit confidence from which a copy counts
		// as drift evidence; SlotShown the one below which a misfit is not
		// worth showing; VetoedCap the confidence a copy the scorer vetoes
		// keeps (shown, not counted as broken).
		ClearMisfit float64 `json:"clear-misfit"`
		SlotShown   float64 `json:"slot-shown"`
		VetoedCap   float64 `json:"vetoed-cap"`
		// HandStandsFrom is the judge's confidence from which a more
		// confident hand verdict on a slot (a lost possessive, a
		// quotation) stands; below it the judge has ruled the span out
		// ("a more", "a new" before a noun are no possessors).
		HandStandsFrom float64 `json:"hand-stands-from"`
		// PossessiveSlot is how much likelier, in log-odds, the words
		// around a name must read with a possessive determiner in its
		// place than with a personal pronoun (fluency.Slot) for it to
		// count as a possessor that lost its ’s: then a copy no hand rule
		// spoke of is judged in a document that does not drift (where
		// other copies stand on their own mentions), and a hand verdict
		// of a lost possessive may stand over the judge.
		PossessiveSlot Nats `json:"possessive-slot"`
		// OwnedWord is how much of the word after a name's Owned
		// (fluency.Model.Owned: how much likelier it follows a
		// possessive than words do) adds to the name's possessor gain.
		// The tags only see that a noun may follow ’s; the word says
		// whether people own it ("Byron early education", "Texas
		// schools").
		OwnedWord Weight `json:"owned-word"`
	} `json:"recurring-mention"`
	// Drift is how much evidence makes a document count as drifting.
	Drift struct {
		Evidence      Limit `json:"evidence"`
		Rate          Limit `json:"rate"`
		DenseEvidence Limit `json:"dense-evidence"`
		DenseRate     Limit `json:"dense-rate"`
	} `json:"drift"`
	Repeated   Rule `json:"repeated-token"`
	LowerStart Rule `json:"lower-case-sentence-start"`
	Agreement  struct {
		OutsideQuote Rule `json:"outside-quote"`
		InsideQuote  Rule `json:"inside-quote"`
		// Pronoun flags a subject pronoun before a verb form it never
		// takes (pronounClashes).
		Pronoun Rule `json:"pronoun"`
	} `json:"verb-agreement"`
	Speaker Rule `json:"speaker-in-quote"`
	// Case finds a pronoun in a case its slot does not take (case.go).
	Case struct {
		Confidence float64 `json:"confidence"`
		Message    string  `json:"message"`
		// Forms are the rows of one pronoun's forms by case, as
		// written ("I", "me", "my").
		Forms [][]string `json:"forms"`
		// MinNats is how much better another form must read.
		MinNats Nats `json:"min-nats"`
	} `json:"pronoun-case"`
	Possessive struct {
		// Confidence is how sure each slot makes a lost possessive.
		Confidence struct {
			KinNext                   float64 `json:"kin-next"`
			AfterPreposition          float64 `json:"after-preposition"`
			HeadOfSubject             float64 `json:"head-of-subject"`
			PluralBeforePlural        float64 `json:"plural-before-plural"`
			ObjectBeforePlural        float64 `json:"object-before-plural"`
			AfterVerb                 float64 `json:"after-verb"`
			NounAfterObject           float64 `json:"noun-after-object"`
			AfterNounAfterPreposition float64 `json:"after-noun-after-preposition"`
			OwnNext                   float64 `json:"own-next"`
			RespectiveNext            float64 `json:"respective-next"`
			PluralAfterPreposition    float64 `json:"plural-after-preposition"`
			BarePossessor             float64 `json:"bare-possessor"`
			OrdinalNext               float64 `json:"ordinal-next"`
			GerundNext                float64 `json:"gerund-next"`
			HerObject                 float64 `json:"her-object"`
		} `json:"confidence"`
		// Messages say what stood where the mention stands, by the
		// shape of the mention rather than its slot.
		Messages struct {
			BareMention string `json:"bare-mention"`
			BareNoun    string `json:"bare-noun"`
			BareObject  string `json:"bare-object"`
		} `json:"messages"`
		CopiedRelative         Rule `json:"copied-relative"`
		CopiedPossessive       Rule `json:"copied-possessive"`
		CopiedPossessiveObject Rule `json:"copied-possessive-object"`
		PossessiveSubject      Rule `json:"possessive-subject"`
	} `json:"lost-possessive"`
	// Notes tell the editor what each kind of proposal restores.
	Notes struct {
		TypeWord                string `json:"type-word"`
		TypeWords               string `json:"type-words"`
		TypeLostWord            string `json:"type-lost-word"`
		DropDuplicate           string `json:"drop-duplicate"`
		AgreeingPronoun         string `json:"agreeing-pronoun"`
		PronounForOther         string `json:"pronoun-for-other"`
		OtherCase               string `json:"other-case"`
		SpeakerSelf             string `json:"speaker-self"`
		PossessiveBack          string `json:"possessive-back"`
		RestoreClitic           string `json:"restore-clitic"`
		DropClitic              string `json:"drop-clitic"`
		RestoreDeterminer       string `json:"restore-determiner"`
		RestoreObjectDeterminer string `json:"restore-object-determiner"`
	} `json:"notes"`
	// Limits are the counts and distances of the rules, each with the
	// reason for its value.
	Limits struct {
		MaxMention          Limit `json:"max-mention"`
		CutMargin           Limit `json:"cut-margin"`
		LongerPhraseRatio   Limit `json:"longer-phrase-ratio"`
		CopyCount           Limit `json:"copy-count"`
		PluralWordCount     Limit `json:"plural-word-count"`
		LongPhrase          Limit `json:"long-phrase"`
		DoubleGenitiveReach Limit `json:"double-genitive-reach"`
		TitleNameWords      Limit `json:"title-name-words"`
		SpeakerReach        Limit `json:"speaker-reach"`
		GenderVoteReach     Limit `json:"gender-vote-reach"`
		TranscriptFillers   Limit `json:"transcript-fillers"`
	} `json:"limits"`
}

// Rule is what one hand rule says of the span it flags: how sure it is,
// and why, in an editor's words.
type Rule struct {
	Confidence float64 `json:"confidence"`
	Message    string  `json:"message"`
}

// Nats is a margin in nats of the fluency model's log-probabilities that
// a rule tests against, with the reason for its value.
type Nats struct {
	Nats float64 `json:"nats"`
	Why  string  `json:"why"`
}

// Weight is how much of a signal a rule adds to another, with the reason
// for its value.
type Weight struct {
	Weight float64 `json:"weight"`
	Why    string  `json:"why"`
}

// Limit is a count or distance a rule tests against, with the reason for
// its value (read by people; the code reads Value).
type Limit struct {
	Value int    `json:"value"`
	Why   string `json:"why"`
}
