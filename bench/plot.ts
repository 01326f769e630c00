import type { BenchReport, SizeResult } from './run';

/**
 * The benchmark's plot as a self-contained SVG, two panels sharing the x axis (routes, log scale):
 *
 * - median synthesis time on a log scale, one line per API and variant: a cost linear in N is a line
 *   of slope 1 (the dotted guide), a quadratic one climbs twice as steeply;
 * - time per route on a linear scale: a linear cost is a flat line (fixed start-up costs make the
 *   smallest sizes dearer per route).
 */
export function plotSvg(report: BenchReport): string {
  const width = 820;
  const left = 78;
  const right = 250;
  const plotW = width - left - right;
  const top = { y: 56, h: 280 };
  const bottom = { y: top.y + top.h + 56, h: 190 };
  const height = bottom.y + bottom.h + 56;

  const sizes = [...new Set(report.results.map((r) => r.routes))].sort((a, b) => a - b);
  const xMin = Math.log10(sizes[0]);
  const xSpan = Math.log10(sizes[sizes.length - 1]) - xMin || 1;
  const x = (n: number) => left + ((Math.log10(n) - xMin) / xSpan) * plotW;

  const times = report.results.flatMap((r) => [r.constructs.ms, r.raw.ms]);
  const yMin = Math.floor(Math.log10(Math.min(...times)));
  const yMax = Math.ceil(Math.log10(Math.max(...times)));
  const ySpan = yMax - yMin || 1;
  const yTime = (ms: number) => top.y + top.h - ((Math.log10(ms) - yMin) / ySpan) * top.h;

  const perRoute = report.results.flatMap((r) => [r.constructs.ms / r.routes, r.raw.ms / r.routes]);
  const pMax = niceCeiling(Math.max(...perRoute));
  const yPer = (v: number) => bottom.y + bottom.h - (v / pMax) * bottom.h;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    text(left, 24, `Synthesis time (construct building + ${report.method ?? 'synthYaml'}), median of fresh processes`, 'font-size="14" font-weight="bold"'),
  ];

  // Top panel: time, log-log.
  for (let e = yMin; e <= yMax; e++) {
    out.push(hline(left, plotW, yTime(10 ** e)), text(left - 8, yTime(10 ** e) + 4, `${label(10 ** e)} ms`, 'text-anchor="end"'));
    for (const m of [2, 5]) {
      if (e < yMax) out.push(hline(left, plotW, yTime(m * 10 ** e), '#f0f0f0'));
    }
  }
  // Bottom panel: ms per route, linear.
  for (let i = 0; i <= 5; i++) {
    const v = (pMax * i) / 5;
    out.push(hline(left, plotW, yPer(v)), text(left - 8, yPer(v) + 4, `${round(v)}`, 'text-anchor="end"'));
  }
  for (const n of sizes) {
    for (const panel of [top, bottom]) {
      out.push(`<line x1="${x(n)}" y1="${panel.y}" x2="${x(n)}" y2="${panel.y + panel.h}" stroke="#ddd"/>`);
      out.push(text(x(n), panel.y + panel.h + 18, n.toLocaleString('en-US'), 'text-anchor="middle"'));
    }
  }
  for (const panel of [top, bottom]) {
    out.push(`<rect x="${left}" y="${panel.y}" width="${plotW}" height="${panel.h}" fill="none" stroke="#333"/>`);
    out.push(text(left + plotW / 2, panel.y + panel.h + 36, 'routes (N)', 'text-anchor="middle"'));
  }
  out.push(text(left, top.y - 8, 'time (log scale)', 'fill="#555"'));
  out.push(text(left, bottom.y - 8, 'ms per route (time / N)', 'fill="#555"'));

  // Slope-1 guide through the largest raw point of the first API, clipped to the panel.
  const first = report.results.filter((r) => r.api === report.results[0].api).sort((a, b) => a.routes - b.routes);
  if (first.length > 1) {
    const end = first[first.length - 1];
    const startN = Math.max(sizes[0], (end.routes * 10 ** yMin) / end.raw.ms);
    const startMs = (end.raw.ms * startN) / end.routes;
    out.push(`<line x1="${x(startN)}" y1="${yTime(startMs)}" x2="${x(end.routes)}" y2="${yTime(end.raw.ms)}" stroke="#888" stroke-dasharray="2 4"/>`);
  }

  const series = [
    { api: 'istio', variant: 'constructs', color: '#1f77b4', dash: '' },
    { api: 'istio', variant: 'raw', color: '#1f77b4', dash: '6 4' },
    { api: 'gateway-api', variant: 'constructs', color: '#d62728', dash: '' },
    { api: 'gateway-api', variant: 'raw', color: '#d62728', dash: '6 4' },
  ] as const;
  const lx = left + plotW + 18;
  let ly = top.y + 10;
  for (const s of series) {
    const rows = report.results.filter((r) => r.api === s.api).sort((a, b) => a.routes - b.routes);
    if (rows.length === 0) continue;
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
    const value = (r: SizeResult) => r[s.variant].ms;
    out.push(...line(rows.map((r) => [x(r.routes), yTime(value(r))]), s.color, dash, s.variant === 'raw'));
    out.push(...line(rows.map((r) => [x(r.routes), yPer(value(r) / r.routes)]), s.color, dash, s.variant === 'raw'));
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`);
    out.push(text(lx + 36, ly + 4, `${s.api === 'istio' ? 'Istio API' : 'Gateway API'}, ${s.variant === 'raw' ? 'raw ApiObjects' : 'constructs'}`));
    ly += 22;
  }
  out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="#888" stroke-dasharray="2 4"/>`);
  out.push(text(lx + 36, ly + 4, 'linear in N (slope 1)'));
  ly += 34;
  const m = report.machine;
  const lines = [
    `${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}`,
    report.mode === 'js' ? 'compiled JavaScript' : 'ts-node --transpile-only',
    `listener hosts: ${report.hosts}`,
    report.date.slice(0, 10),
  ];
  for (const line2 of lines) {
    out.push(text(lx, ly, line2, 'fill="#555"'));
    ly += 16;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function line(points: Array<[number, number]>, color: string, dash: string, hollow: boolean): string[] {
  const path = points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ');
  return [
    `<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`,
    ...points.map(([a, b]) => `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="3.5" fill="${hollow ? 'white' : color}" stroke="${color}" stroke-width="1.5"/>`),
  ];
}

function hline(x: number, w: number, y: number, color = '#ddd'): string {
  return `<line x1="${x}" y1="${y.toFixed(1)}" x2="${x + w}" y2="${y.toFixed(1)}" stroke="${color}"/>`;
}

function text(x: number, y: number, content: string, attributes = ''): string {
  const escaped = content.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<text x="${typeof x === 'number' ? x.toFixed(1) : x}" y="${y.toFixed(1)}"${attributes ? ` ${attributes}` : ''}>${escaped}</text>`;
}

function label(ms: number): string {
  return ms >= 1000 ? `${ms / 1000}k` : String(ms);
}

function round(v: number): string {
  return v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2);
}

/** 1, 2 or 5 times a power of ten, at least `v`. */
function niceCeiling(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * e).find((c) => c >= v)!;
}
