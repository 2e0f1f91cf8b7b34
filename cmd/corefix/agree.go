package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"corefix/model"
)

// agreeOptions are the flags of `corefix agree`.
type agreeOptions struct {
	db         string
	annotators string
	json       bool
}

func agreeCommand() command {
	return command{
		name: "agree", args: "A B | --db PATH",
		summary: "Measure agreement between two annotators and list what to adjudicate.\n" +
			"A and B are annotation files of the same text, or two annotators in a review database.\n" +
			"Span agreement: F1 of the spans each marked broken (accepted/edited), matched by overlap.\n" +
			"Decision agreement: Cohen's kappa over the statuses of the spans both annotated and at least\n" +
			"one decided; spans both left pending are counted apart, as not reviewed by either.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &agreeOptions{}
			fs.StringVar(&o.db, "db", "", "review database `PATH`")
			fs.StringVar(&o.annotators, "annotators", "", "with --db: the two annotators to compare, `a,b`")
			fs.BoolVar(&o.json, "json", false, "print JSON (figures, null when undefined, and the disagreements)")
			return func(args []string) error { return runAgree(e, o, args) }
		},
	}
}

func runAgree(e *env, o *agreeOptions, args []string) error {
	g := model.NewAgreement()
	var nameA, nameB string
	var onlyOne int // documents only one of the two annotated
	switch {
	case o.db == "" && len(args) == 2 && o.annotators == "":
		a, err := model.ReadAnnotationFile(args[0])
		if err != nil {
			return err
		}
		b, err := model.ReadAnnotationFile(args[1])
		if err != nil {
			return err
		}
		if err := g.Add(a, b); err != nil {
			return fmt.Errorf("%s and %s: %w", args[0], args[1], err)
		}
		nameA, nameB = orPath(a.Annotator, args[0]), orPath(b.Annotator, args[1])
	case o.db != "" && len(args) == 0:
		var err error
		if nameA, nameB, onlyOne, err = agreeDB(g, o); err != nil {
			return err
		}
	default:
		return &usageError{msg: "give two annotation files, or --db PATH --annotators a,b"}
	}
	if o.json {
		return writeAgreementJSON(e.stdout, g, nameA, nameB, onlyOne)
	}
	w := bufio.NewWriter(e.stdout)
	writeAgreement(w, g, nameA, nameB, onlyOne)
	return w.Flush()
}

// agreeDB compares two annotators over every document both annotated.
func agreeDB(g *model.Agreement, o *agreeOptions) (nameA, nameB string, onlyOne int, err error) {
	nameA, nameB, ok := strings.Cut(o.annotators, ",")
	if !ok || nameA == "" || nameB == "" || strings.Contains(nameB, ",") {
		return "", "", 0, &usageError{msg: "--annotators wants two names, a,b"}
	}
	s, err := (&annotationSource{db: o.db}).open(false)
	if err != nil {
		return "", "", 0, err
	}
	defer s.Close()
	for _, name := range []string{nameA, nameB} {
		if _, err := oneAnnotator(s, name); err != nil {
			return "", "", 0, err
		}
	}
	for r, err := range s.Annotations(nameA) {
		if err != nil {
			return "", "", 0, err
		}
		b, ok, err := s.LoadAnnotation(r.DocID, nameB)
		if err != nil {
			return "", "", 0, err
		}
		if !ok {
			continue
		}
		if err := g.Add(r.Annotation, b); err != nil {
			return "", "", 0, err
		}
	}
	var saved int
	for _, name := range []string{nameA, nameB} {
		p, err := s.Progress(name)
		if err != nil {
			return "", "", 0, err
		}
		saved += p.Saved
	}
	onlyOne = saved - 2*g.Documents
	return nameA, nameB, onlyOne, nil
}

func orPath(annotator, path string) string {
	if annotator == "" {
		return path
	}
	return annotator
}

// writeAgreement prints the figures and the disagreements to adjudicate.
func writeAgreement(w io.Writer, g *model.Agreement, nameA, nameB string, onlyOne int) {
	fmt.Fprintf(w, "agreement of A = %s and B = %s on %d document(s) both annotated", nameA, nameB, g.Documents)
	if onlyOne > 0 {
		fmt.Fprintf(w, " (%d annotated by only one, left out)", onlyOne)
	}
	fmt.Fprintf(w, "\n\nspans marked broken (accepted or edited), matched by overlap:\n")
	fmt.Fprintf(w, "  A marked %d, %d overlap B's: precision %s\n", g.BrokenA, g.MatchedA, figure(g.Precision()))
	fmt.Fprintf(w, "  B marked %d, %d overlap A's: recall    %s\n", g.BrokenB, g.MatchedB, figure(g.Recall()))
	fmt.Fprintf(w, "  span F1 %s\n", figure(g.F1()))

	k, po, pe, ok := g.Kappa()
	fmt.Fprintf(w, "\ndecisions on the %d spans both annotated and at least one decided (Cohen's kappa over the statuses):\n", g.Pairs())
	if g.Pairs() > 0 {
		fmt.Fprintf(w, "  observed %.3f, chance %.3f, kappa %s\n", po, pe, figure(k, ok))
		fmt.Fprintf(w, "  %-10s", "A \\ B")
		for _, s := range model.Statuses {
			fmt.Fprintf(w, " %9s", s)
		}
		fmt.Fprintln(w)
		for _, sa := range model.Statuses {
			fmt.Fprintf(w, "  %-10s", sa)
			for _, sb := range model.Statuses {
				if sa == model.Pending && sb == model.Pending {
					fmt.Fprintf(w, " %9s", "-") // counted below, not in kappa
					continue
				}
				fmt.Fprintf(w, " %9d", g.Confusion[[2]model.Status{sa, sb}])
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "  not reviewed by either: %d span(s) both left pending, not counted in kappa\n", g.NotReviewed)
	fmt.Fprintf(w, "\n%d disagreement(s) to adjudicate:\n", len(g.Disagreements))
	for _, d := range g.Disagreements {
		fmt.Fprintf(w, "  %s  A: %s\n  %s  B: %s\n", d.DocID, verdict(d.A), strings.Repeat(" ", utf8.RuneCountInString(d.DocID)), verdict(d.B))
	}
}

// figure prints a ratio, or n/a when it is undefined.
func figure(v float64, ok bool) string {
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", v)
}

// verdict is one side of a disagreement: where, what, and the decision.
func verdict(d *model.Decision) string {
	if d == nil {
		return "(no span)"
	}
	s := fmt.Sprintf("[%d,%d) %q %s", d.Start, d.End, d.Text, d.Status)
	if d.Status.Changes() {
		s += fmt.Sprintf(" → %q", d.Replacement)
	}
	return s
}
