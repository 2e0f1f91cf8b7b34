package damage

// substitution is one representative written in place of a mention.
type substitution struct {
	rep    mention // the representative (its cluster's first mention)
	target mention // the mention it was meant for
}

// substitutions lists what the resolver writes, cluster by cluster in
// the order given: every later mention within the length cap.
func (d *damager) substitutions(cs []cluster) []*substitution {
	var subs []*substitution
	for _, c := range cs {
		for _, m := range c.mentions[1:] {
			if d.cfg.MaxLen == 0 || m.span.Len() <= d.cfg.MaxLen {
				subs = append(subs, &substitution{rep: c.mentions[0], target: m})
			}
		}
	}
	return subs
}
