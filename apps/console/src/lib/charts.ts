// ECharts, tree-shaken: only the charts and components the console draws are bundled.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { default as VChart } from 'vue-echarts';

/**
 * Whether charts animate: not for a reader who asked the system for reduced motion (prefers-reduced-motion), and so
 * not in the browser tests either, whose screenshots would otherwise catch bars and lines half drawn.
 */
export const chartMotion = (): { animation: boolean } => ({
  animation: !(typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches),
});
