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

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <PreviewApp lang={lang} today={today} initialSample={sample === null ? undefined : sample || null} />,
  );
}
