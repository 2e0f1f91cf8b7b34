package damage

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"

	"corefix/annotate/resolve"
	"corefix/model"
)

// Result is a damaged document.
type Result struct {
	Resolved string // the text after substitution
	Original string // the text before, spaced the same way
	// Gold holds every substitution that changed the text, in text order:
	// byte offsets into Resolved, the words that stood there as Original,
	// and category model.Substitution for a correct one.
	Gold []model.GoldEdit
	// Clusters are the clusters the pipeline wrote, mistakes made, in the
	// order it wrote them (clusters of one mention left out): what a user
	// of the pipeline would have beside its output.
	Clusters []model.CorefCluster
}

// damager holds what damaging one document needs.
type damager struct {
	doc *model.CorefDocument
	cfg Config
	rng *rand.Rand
	w   *resolve.Words // the document's words as resolvers read them
}

// Damage rewrites doc as the pipeline cfg describes and returns the texts
// and gold. The same doc and cfg always give the same result.
func Damage(doc *model.CorefDocument, cfg Config) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	h := fnv.New64a()
	h.Write([]byte(doc.ID))
	d := &damager{doc: doc, cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, h.Sum64())), w: resolve.NewWords(doc)}
	if cfg.Resolver == Correct {
		return d.correct()
	}
	cs, err := d.mistakes(goldClusters(doc))
	if err != nil {
		return nil, err
	}
	d.order(cs)
	subs := d.substitutions(cs)
	targets := make([]model.TokenSpan, len(subs))
	for k, s := range subs {
		targets[k] = s.target.span
	}
	pieces := resolve.InPlace(len(doc.Tokens), targets, cfg.Nested)
	if cfg.Resolver == Shrink {
		pieces = resolve.Shrink(len(doc.Tokens), targets)
	}
	res := d.render(pieces, subs)
	res.Clusters = written(cs)
	return res, nil
}

// written returns the clusters as the pipeline wrote them, in its order.
func written(cs []cluster) []model.CorefCluster {
	out := make([]model.CorefCluster, len(cs))
	for i, c := range cs {
		out[i] = model.CorefCluster{ID: strconv.Itoa(i), Mentions: make([]model.TokenSpan, len(c.mentions))}
		for j, m := range c.mentions {
			out[i].Mentions[j] = m.span
		}
	}
	return out
}
