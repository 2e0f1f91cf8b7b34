package main

import "math"

// sparse is a feature vector by its non-zero entries: most of a copy
// candidate's features are one-hot classes, so training runs on a tenth
// of the products.
type sparse struct {
	k []int
	v []float64
}

func toSparse(x []float64) sparse {
	var s sparse
	for k, v := range x {
		if v != 0 {
			s.k = append(s.k, k)
			s.v = append(s.v, v)
		}
	}
	return s
}

func (s sparse) dot(w []float64) float64 {
	z := 0.0
	for n, k := range s.k {
		z += w[k] * s.v[n]
	}
	return z
}

func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// trainLogistic fits logistic regression weights over n features by
// full-batch gradient descent with momentum on the mean log loss plus
// l2/2 times the squared weights (the bias, feature 0, unpenalised). It
// is deterministic: the same examples in the same order give the same
// weights to the bit, which is what makes a retrain reproducible.
func trainLogistic(xs []sparse, ys []float64, n int, l2 float64, iters int) []float64 {
	w := make([]float64, n)
	g := make([]float64, n)
	vel := make([]float64, n)
	const rate, momentum = 0.5, 0.9
	for range iters {
		clear(g)
		for i, x := range xs {
			e := logistic(x.dot(w)) - ys[i]
			for m, k := range x.k {
				g[k] += e * x.v[m]
			}
		}
		for k := range w {
			grad := g[k] / float64(len(xs))
			if k > 0 {
				grad += l2 * w[k]
			}
			vel[k] = momentum*vel[k] - rate*grad
			w[k] += vel[k]
		}
	}
	return w
}

// meanLogLoss is the mean log loss of weights w on the examples.
func meanLogLoss(xs []sparse, ys []float64, w []float64) float64 {
	loss := 0.0
	for i, x := range xs {
		p := logistic(x.dot(w))
		loss -= ys[i]*math.Log(p+1e-12) + (1-ys[i])*math.Log(1-p+1e-12)
	}
	return loss / float64(max(1, len(xs)))
}
