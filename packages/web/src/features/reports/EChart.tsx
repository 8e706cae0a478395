import { useEffect, useRef } from 'react';

// ECharts is loaded on first use (import() inside the effect), so it stays out of the portal's
// initial bundle and out of every page that shows no chart.
type ECharts = { setOption: (option: object, notMerge?: boolean) => void; resize: () => void; dispose: () => void };

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
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />;
};
