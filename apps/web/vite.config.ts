import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collect': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collect': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            // ECharts in one chunk was ~599 kB: zrender (the renderer) and the chart and
            // component modules go in their own chunks so that each stays under 500 kB.
            { name: 'zrender', test: /node_modules[\\/](zrender|tslib)[\\/]/, priority: 25 },
            { name: 'echarts-charts', test: /node_modules[\\/]echarts[\\/]lib[\\/]chart[\\/]/, priority: 22 },
            {
              name: 'echarts-components',
              test: /node_modules[\\/]echarts[\\/]lib[\\/](component|coord)[\\/]/,
              priority: 22,
            },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 20 },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
