// Preview entry (npm run preview): renders the real task pane over a fake workbook, no Office needed.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';
import { langFromDisplayLanguage } from '../taskpane/strings';

const params = new URLSearchParams(window.location.search);
const lang = langFromDisplayLanguage(params.get('lang') ?? 'zh-CN');
// ?today=YYYY-MM-DD pins the reference date, so a demo or a test sees the same deadlines every day.
const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get('today') ?? '') ? (params.get('today') as string) : undefined;
const sample = params.get('sample');
// ?layout=pane makes the page the pane (as Office hosts it), to try it at a task pane's width.
const layout = params.get('layout') === 'pane' ? 'pane' : 'side';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <PreviewApp lang={lang} today={today} layout={layout} initialSample={sample === null ? undefined : sample || null} />,
  );
}
