import { useEffect, useRef } from 'react';
import { Canvas } from '@antv/f2';
import { drawing, retire } from './lifecycle';
import { px2hd, type ChartCanvasProps, type F2Canvas } from './types';

/**
 * H5: F2 draws into a plain canvas element (Taro's H5 Canvas resets its size on every render, which
 * would wipe the chart). Hidden from screen readers: every chart has a table with the same figures.
 */
export default function ChartCanvas({ id, height, chart }: ChartCanvasProps) {
  const el = useRef<HTMLCanvasElement | null>(null);
  const f2 = useRef<F2Canvas | null>(null);

  useEffect(() => {
    drawing();
    if (f2.current) {
      f2.current.update({ children: chart });
      return;
    }
    const node = el.current;
    const context = node?.getContext('2d');
    if (!node || !context) return;
    const width = node.getBoundingClientRect().width || 320;
    const pixelRatio = window.devicePixelRatio || 1;
    node.width = width * pixelRatio;
    node.height = height * pixelRatio;
    const canvas = new Canvas({ context, pixelRatio, width, height, px2hd, animate: false, children: chart });
    canvas.render();
    f2.current = canvas;
  }, [chart, height]);

  useEffect(
    () => () => {
      if (f2.current) retire(f2.current);
    },
    [],
  );

  return <canvas ref={el} id={id} className="ov-chart" style={{ height: `${height}px` }} aria-hidden="true" />;
}
