package damage

import (
	"corefix/model"
)

// category classifies a substitution that changed the text, the first
// that applies winning:
//
//   - overwrite: it replaced other words than its mention (drift), or its
//     mention as the model bounded it took in words outside the real one;
//   - other: the model's mention is a part of the real one, whose other
//     words stay beside the representative ("the" + "A group of…");
//   - antecedent: the right place, another entity's representative;
//   - quote: first person inside a quotation rewritten;
//   - possessive: a possessive given a representative that is not one;
//   - other: a representative that adds a possessive or puts a pronoun in
//     another case ("him" → "he") (not with SharedGold);
//   - substitution: correct (a gold file's "neutral").
func (d *damager) category(sub *substitution, covered model.TokenSpan) model.Category {
	m := sub.target
	switch {
	case covered != m.span:
		return model.Overwrite
	case m.span != m.gold && !within(m.span, m.gold):
		return model.Overwrite
	case m.span != m.gold:
		return model.Other
	case sub.rep.entity != m.entity:
		return model.Antecedent
	}
	return d.w.Effect(sub.rep.span, m.gold, d.cfg.SharedGold)
}
