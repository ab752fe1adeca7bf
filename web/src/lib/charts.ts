// ECharts, tree-shaken to the parts the dashboard draws (bar and line charts on canvas: the
// server's CSP allows no inline style attributes, which the SVG renderer would write). Loaded
// lazily by the dashboard only.
import {BarChart, LineChart} from 'echarts/charts';
import {GridComponent, TooltipComponent} from 'echarts/components';
import * as echarts from 'echarts/core';
import {CanvasRenderer} from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  labels: string[];
  counts: number[];
  // Shown in the tooltip as given (exact money text).
  amountTexts: string[];
  line: boolean;
  countName: string;
}

export function drawChart(element: HTMLElement, series: ChartSeries): () => void {
  const chart = echarts.init(element, undefined, {renderer: 'canvas'});
  chart.setOption({
    animation: false,
    grid: {left: 48, right: 16, top: 24, bottom: 64},
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (params as Array<{dataIndex: number}>)[0];
        const i = first?.dataIndex ?? 0;
        return `${series.labels[i]}<br>${series.countName}: ${series.counts[i]}<br>${
            series.amountTexts[i]}`;
      },
    },
    xAxis: {
      type: 'category',
      data: series.labels,
      axisLabel: {rotate: series.labels.length > 6 ? 40 : 0}
    },
    yAxis: {type: 'value', minInterval: 1},
    series: [{type: series.line ? 'line' : 'bar', name: series.countName, data: series.counts}],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
