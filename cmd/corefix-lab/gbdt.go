package main

import (
	"math"

	"corefix/annotate/detect"
)

// Gradient-boosted trees on the logistic loss, the judge's model: each
// feature's value falls in one of detect.JudgeBins bins (detect.JudgeBin),
// and a split sends the examples of the bins up to one to the left. A
// feature a sparse example lacks is 0. Trees grow depth-first, nodes
// numbered in the order they are made, so the same examples always give
// the same trees.

// gbdtModel is a base score plus trees.
type gbdtModel struct {
	base  float64
	trees [][]detect.JudgeNode
}

// score returns the model's log-odds for x.
func (m *gbdtModel) score(x sparse) float64 {
	z := m.base
	for _, t := range m.trees {
		n := 0
		for t[n].Feature >= 0 {
			v := 0.0
			for i, k := range x.k {
				if k == t[n].Feature {
					v = x.v[i]
					break
				}
			}
			if detect.JudgeBin(v) <= t[n].Bin {
				n = t[n].Left
			} else {
				n = t[n].Right
			}
		}
		z += t[n].Value
	}
	return z
}

// gbdtParams are the boosting settings.
type gbdtParams struct {
	trees, depth int
	rate, lambda float64
	minHess      float64
}

// trainGBDT fits trees to xs, ys over n features.
func trainGBDT(xs []sparse, ys []float64, n int, p gbdtParams) *gbdtModel {
	pos := sum(ys) / float64(len(ys))
	m := &gbdtModel{base: math.Log(pos / (1 - pos))}
	z := make([]float64, len(xs))
	for i := range z {
		z[i] = m.base
	}
	g, h := make([]float64, len(xs)), make([]float64, len(xs))
	bins := make([][]uint8, len(xs))
	for i, x := range xs {
		bins[i] = make([]uint8, len(x.k))
		for j, v := range x.v {
			bins[i][j] = uint8(detect.JudgeBin(v))
		}
	}
	zero := detect.JudgeBin(0)
	for range p.trees {
		for i := range xs {
			q := logistic(z[i])
			g[i], h[i] = q-ys[i], max(q*(1-q), 1e-6)
		}
		all := make([]int, len(xs))
		for i := range all {
			all[i] = i
		}
		var t []detect.JudgeNode
		var grow func(idx []int, depth int) int
		grow = func(idx []int, depth int) int {
			var G, H float64
			for _, i := range idx {
				G, H = G+g[i], H+h[i]
			}
			me := len(t)
			t = append(t, detect.JudgeNode{Feature: -1, Value: -G / (H + p.lambda) * p.rate})
			if depth == p.depth || H < 2*p.minHess {
				return me
			}
			hg := make([][detect.JudgeBins]float64, n)
			hh := make([][detect.JudgeBins]float64, n)
			nzG, nzH := make([]float64, n), make([]float64, n)
			for _, i := range idx {
				for j, k := range xs[i].k {
					b := bins[i][j]
					hg[k][b] += g[i]
					hh[k][b] += h[i]
					nzG[k] += g[i]
					nzH[k] += h[i]
				}
			}
			parent := G * G / (H + p.lambda)
			bestGain, bestF, bestB := 1e-9, -1, 0
			for f := range n {
				if nzH[f] == 0 {
					continue
				}
				hg[f][zero] += G - nzG[f]
				hh[f][zero] += H - nzH[f]
				var gl, hl float64
				for b := 0; b < detect.JudgeBins-1; b++ {
					gl, hl = gl+hg[f][b], hl+hh[f][b]
					gr, hr := G-gl, H-hl
					if hl < p.minHess || hr < p.minHess {
						continue
					}
					if gain := gl*gl/(hl+p.lambda) + gr*gr/(hr+p.lambda) - parent; gain > bestGain {
						bestGain, bestF, bestB = gain, f, b
					}
				}
			}
			if bestF < 0 {
				return me
			}
			var left, right []int
			for _, i := range idx {
				b := zero
				for j, k := range xs[i].k {
					if k == bestF {
						b = int(bins[i][j])
						break
					}
				}
				if b <= bestB {
					left = append(left, i)
				} else {
					right = append(right, i)
				}
			}
			l := grow(left, depth+1)
			r := grow(right, depth+1)
			t[me] = detect.JudgeNode{Feature: bestF, Bin: bestB, Left: l, Right: r}
			return me
		}
		grow(all, 0)
		m.trees = append(m.trees, t)
		for i, x := range xs {
			z[i] += m.tree(len(m.trees)-1, x)
		}
	}
	return m
}

// tree returns the value tree k adds for x.
func (m *gbdtModel) tree(k int, x sparse) float64 {
	one := gbdtModel{trees: m.trees[k : k+1]}
	return one.score(x)
}
