import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas } from '@tarojs/components';
import { Canvas } from '@antv/f2';
import { drawing, retire } from './lifecycle';
import { px2hd, type ChartCanvasProps, type F2Canvas } from './types';

interface CanvasNode {
  width: number;
  height: number;
  getContext: (type: '2d') => CanvasRenderingContext2D;
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

/**
 * weapp has no global animation frames: a 2d canvas node brings its own. The pair must match, or a
 * destroyed chart's pending frame still runs (seen in the simulator, whose node has neither).
 */
function frames(node: CanvasNode) {
  if (node.requestAnimationFrame && node.cancelAnimationFrame) {
    return { requestAnimationFrame: node.requestAnimationFrame.bind(node), cancelAnimationFrame: node.cancelAnimationFrame.bind(node) };
  }
  return {
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 16) as unknown as number,
    cancelAnimationFrame: (id: number) => clearTimeout(id),
  };
}

/**
 * weapp: F2 draws into a type="2d" canvas found by a selector query. The canvas is hidden from screen
 * readers: every chart has a table with the same figures beside it.
 */
export default function ChartCanvas({ id, height, chart }: ChartCanvasProps) {
  const f2 = useRef<F2Canvas | null>(null);

  useEffect(() => {
    drawing();
    if (f2.current) {
      f2.current.update({ children: chart });
      return;
    }
    let cancelled = false;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          const found = res?.[0];
          if (cancelled || !found?.node || f2.current) return;
          const { node, width, height: h } = found;
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio;
          node.width = width * pixelRatio;
          node.height = h * pixelRatio;
          const canvas = new Canvas({
            context: node.getContext('2d'),
            pixelRatio,
            width,
            height: h,
            px2hd,
            animate: false,
            ...frames(node),
            // F2 measures text on an offscreen canvas; weapp has no document to make one from.
            offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as never,
            children: chart,
          });
          canvas.render();
          f2.current = canvas;
        });
    });
    return () => {
      cancelled = true;
    };
  }, [id, chart]);

  useEffect(
    () => () => {
      if (f2.current) retire(f2.current);
    },
    [],
  );

  return <TaroCanvas type="2d" id={id} className="ov-chart" style={{ height: `${height}px` }} aria-hidden="true" />;
}
