package yearly

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// The charts are inline SVG: no script, no font from the network. They
// stay readable in black and white print and for colour-blind readers:
// the Okabe–Ito palette, and besides each colour a hatch pattern (areas)
// or a marker and a dash pattern (lines).

// palette is Okabe and Ito's colour-blind-safe palette.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// hatches are drawn over the colours, one per series, so that series
// differ without colour.
var hatches = []string{
	``,
	`<path d="M0,8 L8,0" stroke="#000" stroke-width="1"/>`,
	`<path d="M0,0 L8,8" stroke="#000" stroke-width="1"/>`,
	`<path d="M0,4 L8,4" stroke="#000" stroke-width="1"/>`,
	`<path d="M4,0 L4,8" stroke="#000" stroke-width="1"/>`,
	`<circle cx="4" cy="4" r="1.3" fill="#000"/>`,
	`<path d="M0,8 L8,0 M0,0 L8,8" stroke="#000" stroke-width="0.8"/>`,
	`<path d="M0,4 L8,4 M4,0 L4,8" stroke="#fff" stroke-width="1"/>`,
}

// dashes are the lines' dash patterns, one per series.
var dashes = []string{"", "6 3", "2 2", "8 3 2 3", "4 4", "1 3", "10 4", "6 2 2 2"}

// chart is an SVG being written, in a 640×300 box with the plot area
// inside margins.
type chart struct {
	b                strings.Builder
	w, h             float64
	left, right      float64
	top, bottom      float64
	min, max         float64 // value range of the y axis
	id               string  // prefix of the pattern ids, unique in the page
	yFormat          func(float64) string
	title, yLabel, x string
}

func newChart(id, title, xLabel, yLabel string, h float64, min, max float64, yFormat func(float64) string) *chart {
	c := &chart{w: 640, h: h, left: 92, right: 12, top: 34, bottom: 46, id: id, yFormat: yFormat, title: title, yLabel: yLabel, x: xLabel}
	c.min, c.max = min, max
	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" role="img" aria-label="%s" class="chart">`, c.w, c.h, esc(title))
	fmt.Fprintf(&c.b, `<title>%s</title>`, esc(title))
	c.b.WriteString(`<defs>`)
	for i := range palette {
		fmt.Fprintf(&c.b, `<pattern id="%s-p%d" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="%s"/>%s</pattern>`,
			id, i, palette[i], hatches[i])
	}
	c.b.WriteString(`</defs>`)
	fmt.Fprintf(&c.b, `<text x="%g" y="18" font-size="14" font-weight="bold">%s</text>`, c.left, esc(title))
	return c
}

func (c *chart) plotW() float64 { return c.w - c.left - c.right }
func (c *chart) plotH() float64 { return c.h - c.top - c.bottom }

// y is the pixel row of value v.
func (c *chart) y(v float64) float64 {
	return c.top + c.plotH()*(1-(v-c.min)/(c.max-c.min))
}

// axes draws the grid with the y ticks and both axis labels.
func (c *chart) axes(step float64) {
	for v := math.Ceil(c.min/step) * step; v <= c.max+step/1e6; v += step {
		y := c.y(v)
		fmt.Fprintf(&c.b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="#bbb" stroke-width="0.5"/>`, c.left, c.w-c.right, y, y)
		fmt.Fprintf(&c.b, `<text x="%g" y="%.1f" font-size="10" text-anchor="end">%s</text>`, c.left-4, y+3, esc(c.yFormat(v)))
	}
	fmt.Fprintf(&c.b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="#000"/>`, c.left, c.w-c.right, c.y(math.Max(c.min, 0)), c.y(math.Max(c.min, 0)))
	fmt.Fprintf(&c.b, `<line x1="%g" x2="%g" y1="%g" y2="%g" stroke="#000"/>`, c.left, c.left, c.top, c.h-c.bottom)
	fmt.Fprintf(&c.b, `<text x="12" y="%g" font-size="11" text-anchor="middle" transform="rotate(-90 12 %g)">%s</text>`,
		c.top+c.plotH()/2, c.top+c.plotH()/2, esc(c.yLabel))
	fmt.Fprintf(&c.b, `<text x="%g" y="%g" font-size="11" text-anchor="middle">%s</text>`, c.left+c.plotW()/2, c.h-6, esc(c.x))
}

// xLabels writes the category names under n slots.
func (c *chart) xLabels(cats []string) {
	slot := c.plotW() / float64(len(cats))
	for i, name := range cats {
		fmt.Fprintf(&c.b, `<text x="%.1f" y="%g" font-size="10" text-anchor="middle">%s</text>`,
			c.left+slot*(float64(i)+0.5), c.h-c.bottom+14, esc(name))
	}
}

func (c *chart) end() string {
	c.b.WriteString(`</svg>`)
	return c.b.String()
}

func (c *chart) fill(i int) string { return fmt.Sprintf("url(#%s-p%d)", c.id, i%len(palette)) }

// niceStep is a round step (1, 2 or 5 × 10^k) that splits span into about
// n parts.
func niceStep(span float64, n int) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

// stackedColumns draws one column per category stacked by series.
func stackedColumns(id, title, xLabel, yLabel string, cats, names []string, values [][]float64, yFormat func(float64) string) string {
	var top float64
	for k := range cats {
		var s float64
		for i := range names {
			s += values[i][k]
		}
		top = math.Max(top, s)
	}
	step := niceStep(top, 5)
	c := newChart(id, title, xLabel, yLabel, 330, 0, math.Max(step, math.Ceil(top/step)*step), yFormat)
	c.axes(step)
	slot := c.plotW() / float64(len(cats))
	for k := range cats {
		base := 0.0
		x := c.left + slot*float64(k) + slot*0.2
		for i := range names {
			v := values[i][k]
			y0, y1 := c.y(base), c.y(base+v)
			fmt.Fprintf(&c.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#000" stroke-width="0.5"><title>%s %s: %s</title></rect>`,
				x, y1, slot*0.6, y0-y1, c.fill(i), esc(names[i]), esc(cats[k]), esc(yFormat(v)))
			base += v
		}
	}
	c.xLabels(cats)
	return c.end() + legend(id, names, true)
}

// lineChart draws one line per series with a marker and a dash pattern;
// a NaN value leaves a gap. ref, if not NaN, is a dashed reference line.
func lineChart(id, title, xLabel, yLabel string, cats, names []string, values [][]float64, ref float64, yFormat func(float64) string) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range values {
		for _, v := range s {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if !math.IsNaN(ref) {
		lo, hi = math.Min(lo, ref), math.Max(hi, ref)
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	step := niceStep(hi-lo, 5)
	min, max := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if min == max {
		max = min + step
	}
	c := newChart(id, title, xLabel, yLabel, 330, min, max, yFormat)
	c.axes(step)
	slot := c.plotW() / float64(len(cats))
	x := func(k int) float64 { return c.left + slot*(float64(k)+0.5) }
	if !math.IsNaN(ref) {
		fmt.Fprintf(&c.b, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="#000" stroke-width="1.5" stroke-dasharray="1 4"/>`,
			c.left, c.w-c.right, c.y(ref), c.y(ref))
	}
	for i, s := range values {
		colour := palette[i%len(palette)]
		var path []string
		for k, v := range s {
			if math.IsNaN(v) {
				continue
			}
			cmd := "L"
			if len(path) == 0 {
				cmd = "M"
			}
			path = append(path, fmt.Sprintf("%s%.1f,%.1f", cmd, x(k), c.y(v)))
		}
		if len(path) > 0 {
			fmt.Fprintf(&c.b, `<path d="%s" fill="none" stroke="%s" stroke-width="2" stroke-dasharray="%s"/>`, strings.Join(path, " "), colour, dashes[i%len(dashes)])
		}
		for k, v := range s {
			if !math.IsNaN(v) {
				c.b.WriteString(marker(i, x(k), c.y(v), colour, names[i]+" "+cats[k]+": "+yFormat(v)))
			}
		}
	}
	c.xLabels(cats)
	return c.end() + legend(id, names, false)
}

// marker is series i's marker shape at (x, y).
func marker(i int, x, y float64, colour, tip string) string {
	var shape string
	switch i % 8 {
	case 0:
		shape = fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="4"`, x, y)
	case 1:
		shape = fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="8" height="8"`, x-4, y-4)
	case 2:
		shape = fmt.Sprintf(`<path d="M%.1f,%.1f l5,9 h-10 z"`, x, y-5)
	case 3:
		shape = fmt.Sprintf(`<path d="M%.1f,%.1f l5,5 l-5,5 l-5,-5 z"`, x, y-5)
	case 4:
		shape = fmt.Sprintf(`<path d="M%.1f,%.1f l5,-9 h-10 z"`, x, y+5)
	case 5:
		shape = fmt.Sprintf(`<path d="M%.1f,%.1f h8 M%.1f,%.1f v8" stroke-width="2.5"`, x-4, y, x, y-4)
	case 6:
		shape = fmt.Sprintf(`<path d="M%.1f,%.1f l8,8 M%.1f,%.1f l-8,8" stroke-width="2.5"`, x-4, y-4, x+4, y-4)
	default:
		shape = fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="4" fill-opacity="0"`, x, y)
	}
	return fmt.Sprintf(`%s fill="%s" stroke="%s"><title>%s</title></%s>`, shape, colour, colour, esc(tip), tagOf(shape))
}

func tagOf(shape string) string {
	tag, _, _ := strings.Cut(shape[1:], " ")
	return tag
}

// legend is an HTML list of the series with their fill or marker.
func legend(id string, names []string, areas bool) string {
	var b strings.Builder
	b.WriteString(`<ul class="legend">`)
	for i, name := range names {
		colour := palette[i%len(palette)]
		if areas {
			fmt.Fprintf(&b, `<li><svg width="14" height="14" viewBox="0 0 14 14"><defs><pattern id="%s-l%d" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="%s"/>%s</pattern></defs><rect width="14" height="14" fill="url(#%s-l%d)" stroke="#000" stroke-width="0.5"/></svg> %s</li>`,
				id, i, colour, hatches[i%len(hatches)], id, i, esc(name))
			continue
		}
		fmt.Fprintf(&b, `<li><svg width="30" height="14" viewBox="0 0 30 14"><line x1="0" x2="30" y1="7" y2="7" stroke="%s" stroke-width="2" stroke-dasharray="%s"/>%s</svg> %s</li>`,
			colour, dashes[i%len(dashes)], marker(i, 15, 7, colour, name), esc(name))
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// waterfallChart draws the start column, one floating column per cause
// (rising hatched one way, falling the other) and the end column.
func waterfallChart(id, title, yLabel string, labels []string, start float64, steps []float64, end float64, yFormat func(float64) string) string {
	level, lo, hi := start, math.Min(start, end), math.Max(start, end)
	for _, s := range steps {
		level += s
		lo, hi = math.Min(lo, level), math.Max(hi, level)
	}
	// The columns start from a floor near the lowest level, so that a
	// change of a few percent is visible; the axis says where it starts.
	span := hi - lo
	if span == 0 {
		span = math.Max(1, hi*0.05)
	}
	step := niceStep(span, 4)
	min := math.Floor((lo-span*0.3)/step) * step
	if lo >= 0 && min < 0 {
		min = 0
	}
	max := math.Ceil((hi+span*0.1)/step) * step
	c := newChart(id, title, "", yLabel, 260, min, max, yFormat)
	c.bottom = 70
	c.axes(step)
	n := len(steps) + 2
	slot := c.plotW() / float64(n)
	col := func(k int, from, to float64, fill, tip string) {
		y0, y1 := c.y(math.Min(from, to)), c.y(math.Max(from, to))
		fmt.Fprintf(&c.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="#000" stroke-width="0.5"><title>%s</title></rect>`,
			c.left+slot*float64(k)+slot*0.15, y1, slot*0.7, math.Max(0.8, y0-y1), fill, esc(tip))
	}
	col(0, min, start, "#bbbbbb", labels[0]+": "+yFormat(start))
	level = start
	for i, s := range steps {
		fill := c.fill(0) // rising: blue
		if s < 0 {
			fill = c.fill(5) // falling: vermillion, hatched
		}
		col(i+1, level, level+s, fill, labels[i+1]+": "+yFormat(s))
		level += s
	}
	col(n-1, min, end, "#bbbbbb", labels[n-1]+": "+yFormat(end))
	for k, name := range labels {
		x := c.left + slot*(float64(k)+0.5)
		fmt.Fprintf(&c.b, `<text x="%.1f" y="%g" font-size="9" text-anchor="end" transform="rotate(-35 %.1f %g)">%s</text>`,
			x, c.h-c.bottom+12, x, c.h-c.bottom+12, esc(name))
	}
	return c.end()
}

func esc(s string) string { return html.EscapeString(s) }
