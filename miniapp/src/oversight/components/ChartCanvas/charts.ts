import { Area, Axis, Chart, Interval, jsx as f2jsx, Legend, Line, Point } from '@antv/f2';

// The F2 charts of the chair's dashboard, built without JSX (React's JSX is not F2's). Sizes are in
// 750-wide design px like the stylesheets; colours are the design tokens.
const PRIMARY = '#c8161d';
const TEXT = '#1f1f1f';
const SECONDARY = '#595959';
const GRID = '#d9d9d9';
/** score 1 … 5: from red to green, each at least 3:1 against white */
const SCORE_COLOURS = ['#a01218', '#d4380d', '#ad6800', '#2f54eb', '#237804'];
const SERIES_COLOURS = [PRIMARY, '#2f54eb'];

// F2's typings want each component's exact props; the props here are checked by the charts drawing.
export type F2Element = object;
const jsx = f2jsx as unknown as (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => F2Element;

const label = { fontSize: '26px', fill: TEXT };
const smallLabel = { fontSize: '22px', fill: SECONDARY };
const constant = (value: string) => ({ type: 'identity', field: value });

/** Per-criterion means on a 0–5 radar. */
export function radarChart(rows: Array<{ label: string; mean: number }>) {
  return jsx(
    Chart,
    { data: rows, coord: 'polar', scale: { mean: { min: 0, max: 5, tickCount: 6, nice: false } } },
    jsx(Axis, { field: 'label', style: { label, grid: { stroke: GRID } } }),
    // The 0–5 rings without their numbers (they crowd the centre): the table beside gives the means.
    jsx(Axis, { field: 'mean', grid: 'line', style: { label: null, grid: { stroke: GRID } } }),
    jsx(Area, { x: 'label', y: 'mean', color: constant(PRIMARY), style: { fillOpacity: 0.15 } }),
    jsx(Line, { x: 'label', y: 'mean', color: constant(PRIMARY) }),
    jsx(Point, { x: 'label', y: 'mean', color: constant(PRIMARY) }),
  );
}

/** How many gave each score, per criterion: one stacked horizontal bar per criterion, `ratings` long. */
export function distributionChart(rows: Array<{ label: string; score: string; count: number }>, ratings: number) {
  return jsx(
    Chart,
    {
      data: rows,
      coord: { transposed: true },
      scale: { count: { min: 0, max: ratings, nice: false, tickCount: Math.min(ratings, 5) + 1 } },
    },
    jsx(Legend, { position: 'top', style: { justifyContent: 'center' }, itemFormatter: (v: string) => v, nameStyle: label }),
    jsx(Axis, { field: 'label', style: { label } }),
    jsx(Axis, { field: 'count', style: { label: smallLabel, grid: { stroke: GRID } } }),
    jsx(Interval, { x: 'label', y: 'count', color: ['score', SCORE_COLOURS], adjust: 'stack' }),
  );
}

/** Participation and satisfaction rates over the home's cycles (withheld points are left out). */
export function trendChart(rows: Array<{ campaign: string; series: string; rate: number }>) {
  return jsx(
    Chart,
    { data: rows, scale: { rate: { min: 0, max: 1, tickCount: 5, formatter: (v: number) => `${Math.round(v * 100)}%` } } },
    jsx(Legend, { position: 'top', nameStyle: label }),
    jsx(Axis, { field: 'campaign', style: { label: smallLabel } }),
    jsx(Axis, { field: 'rate', style: { label: smallLabel, grid: { stroke: GRID } } }),
    jsx(Line, { x: 'campaign', y: 'rate', color: ['series', SERIES_COLOURS] }),
    jsx(Point, { x: 'campaign', y: 'rate', color: ['series', SERIES_COLOURS] }),
  );
}
