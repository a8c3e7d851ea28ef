import type { Canvas } from '@antv/f2';

export interface ChartCanvasProps {
  id: string;
  /** height in CSS px; the width is the container's */
  height: number;
  /** an F2 element (built with jsx() from @antv/f2): the Chart with its geometries */
  chart: unknown;
}

/** F2 sizes are written in 750-wide design px like the stylesheets: half that on screen. */
export const px2hd = (value: number) => value / 2;

export type F2Canvas = InstanceType<typeof Canvas>;
