package detect

// Params is the configuration detection runs with. Detectors carry it in
// their own fields (Detectors), never in package state, so that runs with
// different parameters — the lab's operating-point search, the hand-rule
// tests, the shipped detector — can go on side by side.
type Params struct {
	// Copy judges the repeats of recurring phrases in a drifting
	// document together with the hand rules (Recurring); nil leaves them
	// to the hand rules alone.
	Copy *CopyScorer
	// Rules are the hand rules' confidences, messages and limits; nil
	// means the shipped rules.json.
	Rules *Rules
	// Judge, when set, rates every candidate span with one learned
	// scorer in place of the hand rules' confidences and Copy.
	Judge *Judge
}

// DefaultParams returns the parameters corefix ships: the judge of the
// embedded judge.json over the hand rules of rules.json. It panics if
// the judge's file does not match the features (see shippedJudge).
func DefaultParams() Params {
	return Params{Judge: shippedJudge(), Rules: shippedRules()}
}

// HandParams returns the hand rules alone, with the copy scorer of the
// embedded copyscorer.json: the detector the judge replaced, which the
// lab measures it against (docs/experiments.md).
func HandParams() Params {
	return Params{Copy: shippedCopyScorer(), Rules: shippedRules()}
}
