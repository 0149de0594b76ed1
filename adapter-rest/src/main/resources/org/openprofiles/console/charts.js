// Charts for compliance: ECharts (from its webjar, served by the server) draws them; each chart
// also has its figures as a small table, which screen readers and keyboard users read and which
// stays correct if the library cannot load. ECharts' tooltips are drawn on the canvas ("richText"),
// so it writes no inline styles the Content-Security-Policy would refuse.
import { h } from './ui.js';

let library;
function echarts() {
  library = library || import('/console/lib/echarts-5.3.1/echarts.esm.min.js');
  return library;
}

const TEXT = '#1f2937';

function table(caption, rows) {
  return h('table', { class: 'chart-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Count'))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-name': r.name }, h('th', { scope: 'row' }, r.name), h('td', {}, String(r.value))))));
}

async function draw(el, option) {
  try {
    const lib = await echarts();
    const chart = lib.init(el, null, { renderer: 'canvas' });
    chart.setOption({ animation: false, textStyle: { color: TEXT }, tooltip: { renderMode: 'richText' }, ...option });
    new ResizeObserver(() => chart.resize()).observe(el);
  } catch (e) {
    el.replaceChildren(h('p', { class: 'muted' }, 'The chart could not be drawn; the figures are below.'));
  }
}

/** A doughnut of parts of a whole, e.g. compliant vs non-compliant accounts. */
export function donut(id, caption, parts) {
  const summary = parts.map((p) => `${p.name}: ${p.value}`).join(', ');
  const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': `${caption}. ${summary}` });
  const figure = h('figure', { id, 'data-chart': 'donut' }, h('figcaption', {}, caption), canvas, table(caption, parts));
  draw(canvas, {
    legend: { bottom: 0, textStyle: { color: TEXT }, data: parts.map((p) => ({ name: p.name, itemStyle: { color: p.color } })) },
    series: [{ type: 'pie', radius: ['45%', '70%'], center: ['50%', '42%'], label: { show: true, formatter: '{c}', color: TEXT },
      data: parts.filter((p) => p.value > 0).map((p) => ({ name: p.name, value: p.value, itemStyle: { color: p.color } })) }],
  });
  return figure;
}

/** Horizontal bars by category, e.g. deviations by kind. */
export function bars(id, caption, parts) {
  const summary = parts.map((p) => `${p.name}: ${p.value}`).join(', ');
  const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': `${caption}. ${summary}` });
  const figure = h('figure', { id, 'data-chart': 'bars' }, h('figcaption', {}, caption), canvas, table(caption, parts));
  draw(canvas, {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    yAxis: { type: 'category', inverse: true, data: parts.map((p) => p.name), axisLabel: { color: TEXT } },
    series: [{ type: 'bar', data: parts.map((p) => ({ value: p.value, itemStyle: { color: p.color } })),
      label: { show: true, position: 'right', color: TEXT } }],
  });
  return figure;
}

/**
 * Lines over time, e.g. compliance after each directory sync: points [{id, label}] and series
 * [{key, name, color, values}]. The table has one row per point (data-point its id) and one cell
 * per series (data-series its key).
 */
export function line(id, caption, points, series) {
  const last = points.length - 1;
  const summary = series.map((s) => `${s.name}: ${s.values[last]}`).join(', ');
  const canvas = h('div', { class: 'chart wide', role: 'img', 'aria-label': `${caption}, ${points.length} points; the latest: ${summary}` });
  const figures = h('table', { class: 'chart-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), series.map((s) => h('th', { scope: 'col' }, s.name)))),
    h('tbody', {}, points.map((p, i) => h('tr', { 'data-point': p.id }, h('th', { scope: 'row' }, p.label),
      series.map((s) => h('td', { 'data-series': s.key }, String(s.values[i])))))));
  const figure = h('figure', { id, 'data-chart': 'line' }, h('figcaption', {}, caption), canvas, figures);
  draw(canvas, {
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    legend: { bottom: 0, textStyle: { color: TEXT } },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, color: s.color, symbolSize: 8,
      lineStyle: { color: s.color, width: 2 }, itemStyle: { color: s.color } })),
  });
  return figure;
}

/** Chart colours with at least 3:1 against white (WCAG 1.4.11 for graphics). */
export const COLORS = { ok: '#15803d', bad: '#b91c1c', group: '#b45309', attribute: '#7c3aed', none: '#475569' };
