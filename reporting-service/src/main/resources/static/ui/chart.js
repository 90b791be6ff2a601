// Charts drawn as inline SVG (no library, no network). The line chart of a tag's readings: BAD points have no value,
// the line breaks there, so the gap shows; UNCERTAIN points are drawn as hollow dots. The bar chart of named totals.
import {number, time} from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 760, HEIGHT = 260, LEFT = 64, RIGHT = 12, TOP = 12, BOTTOM = 28;

/** An SVG element with its attributes (and text). */
export function node(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([k, v]) => element.setAttribute(k, v));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** points: [{ts, value, quality}] in time order; from/to: the window's instants (ms). */
export function lineChart(points, from, to, uom) {
  const svg = node('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img'});
  const values = points.filter(p => p.value !== null).map(p => p.value);
  let low = Math.min(...values), high = Math.max(...values);
  if (!values.length) { low = 0; high = 1; }
  if (low === high) { low -= 1; high += 1; }
  const pad = (high - low) * 0.05;
  low -= pad; high += pad;
  const x = ms => LEFT + (ms - from) / (to - from) * (WIDTH - LEFT - RIGHT);
  const y = v => TOP + (high - v) / (high - low) * (HEIGHT - TOP - BOTTOM);

  for (let i = 0; i <= 4; i++) {
    const v = low + (high - low) * i / 4;
    svg.append(node('line', {x1: LEFT, x2: WIDTH - RIGHT, y1: y(v), y2: y(v), class: 'grid'}));
    svg.append(node('text', {x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis'}, number(v, 2)));
  }
  for (let i = 0; i <= 4; i++) {
    const ms = from + (to - from) * i / 4;
    svg.append(node('text', {x: x(ms), y: HEIGHT - 8, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle',
      class: 'axis'}, time(new Date(ms).toISOString())));
  }
  svg.append(node('text', {x: LEFT + 4, y: TOP + 12, class: 'axis uom'}, uom || ''));

  let path = '', pen = false;
  for (const p of points) {
    if (p.value === null) { pen = false; continue; }
    path += (pen ? 'L' : 'M') + x(Date.parse(p.ts)).toFixed(1) + ' ' + y(p.value).toFixed(1) + ' ';
    pen = true;
  }
  if (path) svg.append(node('path', {d: path, class: 'line'}));
  for (const p of points) {
    if (p.value === null) {
      svg.append(node('line', {x1: x(Date.parse(p.ts)), x2: x(Date.parse(p.ts)), y1: TOP, y2: HEIGHT - BOTTOM, class: 'gap'}));
    } else if (p.quality !== 'GOOD' || points.length <= 120) {
      svg.append(node('circle', {cx: x(Date.parse(p.ts)), cy: y(p.value), r: 2.5,
        class: p.quality === 'GOOD' ? 'dot' : 'dot uncertain'}));
    }
  }
  return svg;
}

const BAR = 22, LABEL = 220, VALUE = 90;

/** Horizontal bars, one a row in the order given: bars: [{label, value}] with values ≥ 0. */
export function barChart(bars) {
  const height = TOP + bars.length * BAR + 4;
  const svg = node('svg', {viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart bars', role: 'img'});
  const high = Math.max(...bars.map(b => b.value), 0) || 1;
  const length = v => Math.max(0, v) / high * (WIDTH - LABEL - VALUE - RIGHT);
  bars.forEach((b, i) => {
    const y = TOP + i * BAR;
    svg.append(node('text', {x: LABEL - 8, y: y + BAR / 2 + 4, 'text-anchor': 'end', class: 'axis'}, b.label));
    svg.append(node('rect', {x: LABEL, y: y + 3, width: length(b.value).toFixed(1), height: BAR - 6, class: 'bar'}));
    svg.append(node('text', {x: LABEL + length(b.value) + 6, y: y + BAR / 2 + 4, class: 'axis'}, number(b.value, 1)));
  });
  return svg;
}

const SPARK_W = 160, SPARK_H = 28;

/** A tag's trend in a table cell: the line only, broken where readings were BAD. points as lineChart's. */
export function sparkline(points, from, to) {
  const svg = node('svg', {viewBox: `0 0 ${SPARK_W} ${SPARK_H}`, class: 'sparkline', width: SPARK_W, height: SPARK_H,
    'data-points': points.filter(p => p.value !== null).length});
  const values = points.filter(p => p.value !== null).map(p => p.value);
  if (!values.length) return svg;
  const low = Math.min(...values), high = Math.max(...values) === low ? low + 1 : Math.max(...values);
  const x = ms => (ms - from) / (to - from) * SPARK_W;
  const y = v => SPARK_H - 2 - (v - low) / (high - low) * (SPARK_H - 4);
  let path = '', pen = false;
  for (const p of points) {
    if (p.value === null) { pen = false; continue; }
    path += (pen ? 'L' : 'M') + x(Date.parse(p.ts)).toFixed(1) + ' ' + y(p.value).toFixed(1) + ' ';
    pen = true;
  }
  svg.append(node('path', {d: path, class: 'line'}));
  return svg;
}
