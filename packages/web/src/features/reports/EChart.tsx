import { useEffect, useRef } from 'react';

// ECharts is loaded on first use (import() inside the effect), so it stays out of the portal's
// initial bundle and out of every page that shows no chart.
type ECharts = {
  setOption: (option: object, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
  on: (event: 'finished', handler: () => void) => void;
};

/**
 * A chart says on its element whether it is still drawing (`data-chart="drawing"`, its entry
 * animation included) or done (`"drawn"`, ECharts' `finished` event), so that a browser test or a
 * screenshot waits for the drawing rather than for a guessed delay.
 */
const markDrawing = (element: HTMLDivElement | null) => {
  if (element) {
    element.dataset.chart = 'drawing';
  }
};

export const EChart = ({ option, height = 320, label }: { option: object; height?: number; label: string }) => {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('echarts').then((echarts) => {
      if (disposed || !container.current) {
        return;
      }
      const instance = echarts.init(container.current, undefined, {
        renderer: 'canvas',
        locale: 'EN',
      }) as unknown as ECharts;
      const element = container.current;
      instance.on('finished', () => {
        element.dataset.chart = 'drawn';
      });
      markDrawing(element);
      instance.setOption(latest.current, true);
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(container.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current) {
      markDrawing(container.current);
      chart.current.setOption(option, true);
    }
  }, [option]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />;
};
