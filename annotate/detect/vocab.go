package detect

import (
	"sync"

	"corefix/annotate/lexicon"
)

// vocabulary holds the word sets of words.txt that the rules test words
// against, each looked up by name once: the rules test a word at nearly
// every token, and finding the set by its name each time cost more than
// the test itself.
type vocabulary struct {
	addresseeVerb    lexicon.WordSet
	apostrophe       lexicon.WordSet
	aside            lexicon.WordSet
	attachedVerb     lexicon.WordSet
	bareAdverb       lexicon.WordSet
	bareInfinitive   lexicon.WordSet
	bareNoun         lexicon.WordSet
	clausalPrep      lexicon.WordSet
	clauseVerb       lexicon.WordSet
	coordinator      lexicon.WordSet
	demonymSuffix    lexicon.WordSet
	finite           lexicon.WordSet
	firstPersonVerb  lexicon.WordSet
	indefinite       lexicon.WordSet
	intendedRepeat   lexicon.WordSet
	kin              lexicon.WordSet
	listConjunction  lexicon.WordSet
	negation         lexicon.WordSet
	notThirdSingular lexicon.WordSet
	numberWord       lexicon.WordSet
	ordinalSuffix    lexicon.WordSet
	poss             lexicon.WordSet
	possessorMod     lexicon.WordSet
	predeterminer    lexicon.WordSet
	quantifier       lexicon.WordSet
	quantity         lexicon.WordSet
	quoteVerb        lexicon.WordSet
	temporal         lexicon.WordSet
	title            lexicon.WordSet
	unchangedPast    lexicon.WordSet
}

// vocab returns the rules' word sets, built on first use and read-only
// after. It panics if words.txt lacks one, which TestVocabulary reports.
var vocab = sync.OnceValue(func() *vocabulary {
	return &vocabulary{
		addresseeVerb:    lexicon.Set("addressee-verb"),
		apostrophe:       lexicon.Set("apostrophe"),
		aside:            lexicon.Set("aside-verb"),
		attachedVerb:     lexicon.Set("attached-verb"),
		bareAdverb:       lexicon.Set("bare-adverb"),
		bareInfinitive:   lexicon.Set("bare-infinitive"),
		bareNoun:         lexicon.Set("bare-noun"),
		clausalPrep:      lexicon.Set("clausal-prep"),
		clauseVerb:       lexicon.Set("clause-verb"),
		coordinator:      lexicon.Set("coordinator"),
		demonymSuffix:    lexicon.Set("demonym-suffix"),
		finite:           lexicon.Set("finite"),
		firstPersonVerb:  lexicon.Set("first-person-verb"),
		indefinite:       lexicon.Set("indefinite"),
		intendedRepeat:   lexicon.Set("intended-repeat"),
		kin:              lexicon.Set("kin"),
		listConjunction:  lexicon.Set("list-conjunction"),
		negation:         lexicon.Set("negation"),
		notThirdSingular: lexicon.Set("not-third-singular"),
		numberWord:       lexicon.Set("number-word"),
		ordinalSuffix:    lexicon.Set("ordinal-suffix"),
		poss:             lexicon.Set("poss"),
		possessorMod:     lexicon.Set("possessor-modifier"),
		predeterminer:    lexicon.Set("predeterminer"),
		quantifier:       lexicon.Set("quantifier"),
		quantity:         lexicon.Set("quantity"),
		quoteVerb:        lexicon.Set("quote-verb"),
		temporal:         lexicon.Set("temporal"),
		title:            lexicon.Set("title"),
		unchangedPast:    lexicon.Set("unchanged-past"),
	}
})
