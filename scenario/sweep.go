package scenario

import (
	"errors"
	"math/big"
	"runtime"
	"sync"

	"github.com/raumbudget/raumbudget/allocate"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Vary sweeps one indicator's weight from From to To in steps of Step;
// the other weights keep their proportions to each other and shrink or
// grow so that all still sum to 1.
type Vary struct {
	Key            string
	From, To, Step *big.Rat
	// OnStep, if set, is called after each step, from several goroutines:
	// for a progress display.
	OnStep func()
}

// maxSteps bounds a sweep's size; a million steps already take minutes.
const maxSteps = 1_000_000

// SweepResult is one period's allocation at each step, and where each
// unit's exact amount crosses its reference amount.
type SweepResult struct {
	Key       string
	Steps     []SweepStep
	Crossings []Crossing // one per unit that crosses within the range, in unit order
}

// SweepStep is the allocation at one weight of the varied indicator.
type SweepStep struct {
	Weight  *big.Rat   // of the varied indicator
	Weights []*big.Rat // all weights, in the input's order
	Amounts []allocate.Cents
}

// Crossing is the weight at which a unit's exact amount equals its
// reference; Rising says it is above the reference for larger weights.
type Crossing struct {
	Unit   int
	Weight *big.Rat
	Rising bool
}

// RunSweep allocates in at every step of v, on all processors. reference
// (one amount per unit, may be nil) is what crossings are measured against.
func RunSweep(in allocate.Input, v Vary, reference []allocate.Cents) (*SweepResult, error) {
	run, err := NewSweepRun(in, v, reference)
	if err != nil {
		return nil, err
	}
	res := run.Result
	err = run.Steps(func(step SweepStep) error {
		res.Steps = append(res.Steps, step)
		return nil
	})
	return res, err
}

// SweepRun is a sweep ready to run: its crossings are known, and its steps
// are computed as Steps hands them out, so that memory does not grow with
// their number.
type SweepRun struct {
	Result *SweepResult // the key and the crossings; no steps
	sweep  *allocate.Sweep
	in     allocate.Input
	vary   int
	v      Vary
	n      int // steps
}

// NewSweepRun checks the sweep and finds the crossings with reference
// (one amount per unit, may be nil).
func NewSweepRun(in allocate.Input, v Vary, reference []allocate.Cents) (*SweepRun, error) {
	vary, err := indicatorIndex(in, v.Key)
	if err != nil {
		return nil, err
	}
	n, err := v.stepCount()
	if err != nil {
		return nil, err
	}
	s, err := allocate.NewSweep(in)
	if err != nil {
		return nil, err
	}
	run := &SweepRun{Result: &SweepResult{Key: v.Key}, sweep: s, in: in, vary: vary, v: v, n: n}
	if reference != nil {
		run.Result.Crossings, err = crossings(s, in, vary, v, reference)
	}
	return run, err
}

// sweepBatch is the number of steps computed together on all processors
// before they are handed out.
const sweepBatch = 1024

// Steps computes the steps in order, a batch at a time on all
// processors, and hands each to each; it stops at each's first error.
func (r *SweepRun) Steps(each func(SweepStep) error) error {
	steps := make([]SweepStep, min(sweepBatch, r.n))
	ts := make([]*big.Rat, len(steps))
	for first := 0; first < r.n; first += len(steps) {
		batch := min(len(steps), r.n-first)
		for i := range batch {
			ts[i] = r.v.stepAt(first+i, r.n)
		}
		if err := runSteps(r.sweep, r.in, r.vary, ts[:batch], steps[:batch], r.v.OnStep); err != nil {
			return err
		}
		for i := range batch {
			if err := each(steps[i]); err != nil {
				return err
			}
			steps[i] = SweepStep{}
		}
	}
	return nil
}

func indicatorIndex(in allocate.Input, key string) (int, error) {
	for k, ind := range in.Indicators {
		if ind.Key == key {
			if ind.Weight.Cmp(big.NewRat(1, 1)) == 0 && len(in.Indicators) > 1 {
				return 0, msg.Errorf("all weight is on %s: there are no other weights to rescale", key)
			}
			return k, nil
		}
	}
	return 0, msg.Errorf("%s is not among the weighted indicators", key)
}

// stepCount is the number of steps: From, From+Step, … up to To, and To
// itself.
func (v Vary) stepCount() (int, error) {
	one := big.NewRat(1, 1)
	switch {
	case v.From.Sign() < 0 || v.To.Cmp(one) > 0 || v.From.Cmp(v.To) > 0:
		return 0, msg.Errorf("the range must lie in [0, 1], from ≤ to")
	case v.Step.Sign() <= 0:
		return 0, msg.Errorf("the step must be above 0")
	}
	n := new(big.Rat).Quo(new(big.Rat).Sub(v.To, v.From), v.Step)
	if n.Cmp(big.NewRat(maxSteps, 1)) > 0 {
		return 0, msg.Errorf("more than %d steps", maxSteps)
	}
	whole := new(big.Int).Quo(n.Num(), n.Denom()).Int64() // steps after From that stay within To
	if n.IsInt() {
		return int(whole) + 1, nil
	}
	return int(whole) + 2, nil // and To itself
}

// stepAt is step i of n: From + i·Step, the last one To.
func (v Vary) stepAt(i, n int) *big.Rat {
	if i == n-1 {
		return new(big.Rat).Set(v.To)
	}
	t := new(big.Rat).Mul(v.Step, big.NewRat(int64(i), 1))
	return t.Add(t, v.From)
}

// weightsAt rescales the input's weights for weight t of indicator vary.
func weightsAt(in allocate.Input, vary int, t *big.Rat) []*big.Rat {
	rest := new(big.Rat).Sub(big.NewRat(1, 1), in.Indicators[vary].Weight)
	scale := new(big.Rat).Sub(big.NewRat(1, 1), t)
	if rest.Sign() > 0 {
		scale.Quo(scale, rest)
	}
	out := make([]*big.Rat, len(in.Indicators))
	for k, ind := range in.Indicators {
		if k == vary {
			out[k] = t
		} else {
			out[k] = new(big.Rat).Mul(ind.Weight, scale)
		}
	}
	return out
}

// runSteps fills steps in parallel, one goroutine per processor.
func runSteps(s *allocate.Sweep, in allocate.Input, vary int, ts []*big.Rat, steps []SweepStep, onStep func()) error {
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ts) && errs[w] == nil; i += workers {
				weights := weightsAt(in, vary, ts[i])
				p, err := s.At(weights)
				errs[w] = err
				if err == nil {
					steps[i] = SweepStep{Weight: ts[i], Weights: weights, Amounts: p.Amounts}
				}
				if onStep != nil {
					onStep()
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// crossings solve E(u; t) = reference(u) for t. E is linear in t, since
// every weight is, so two points of it suffice.
func crossings(s *allocate.Sweep, in allocate.Input, vary int, v Vary, reference []allocate.Cents) ([]Crossing, error) {
	if v.From.Cmp(v.To) == 0 {
		return nil, nil
	}
	lo, err := s.At(weightsAt(in, vary, v.From))
	if err != nil {
		return nil, err
	}
	hi, err := s.At(weightsAt(in, vary, v.To))
	if err != nil {
		return nil, err
	}
	var out []Crossing
	width := new(big.Rat).Sub(v.To, v.From)
	for u, ref := range reference {
		a, b := lo.Exact(u), hi.Exact(u)
		rise := new(big.Rat).Sub(b, a)
		if rise.Sign() == 0 {
			continue
		}
		t := new(big.Rat).Sub(ref.Rat(), a)
		t.Mul(t, width).Quo(t, rise).Add(t, v.From)
		if t.Cmp(v.From) >= 0 && t.Cmp(v.To) <= 0 {
			out = append(out, Crossing{Unit: u, Weight: t, Rising: rise.Sign() > 0})
		}
	}
	return out, nil
}
