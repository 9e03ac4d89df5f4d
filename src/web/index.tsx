// Web page entry (check.html): the checker in the browser; ?lang=en-US for English, ?today=YYYY-MM-DD pins the reference date.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { langFromDisplayLanguage } from '../taskpane/strings';
import { WebApp } from './WebApp';
import { startCheckWorker } from './worker-source';

const params = new URLSearchParams(window.location.search);
// Chinese unless the address asks for English (?lang=en-US): the page is for Chinese units first.
const lang = langFromDisplayLanguage(params.get('lang') ?? 'zh-CN');
const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get('today') ?? '') ? (params.get('today') as string) : undefined;
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en-US';

const container = document.getElementById('root');
if (container) createRoot(container).render(<WebApp startWorker={startCheckWorker} lang={lang} today={today} />);
