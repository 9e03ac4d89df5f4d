// Task pane entry: waits for Office, builds the Office.js host and renders the Office-free App.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel';
import { App } from './App';
import { langFromDisplayLanguage } from './strings';
import { localToday } from './model';

function showFatal(text: string): void {
  const root = document.getElementById('root');
  if (!root) return;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  // textContent, never HTML: the text may carry an error message.
  p.textContent = text;
  root.replaceChildren(p);
}

Office.onReady((info) => {
  const container = document.getElementById('root');
  if (!container) return;
  if (info.host !== Office.HostType.Excel) {
    showFatal('此加载项只能在 Excel 中使用。 This add-in runs in Excel only.');
    return;
  }
  try {
    const host = createOfficeHost(Excel, Office);
    const lang = langFromDisplayLanguage(host.displayLanguage());
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
    createRoot(container).render(
      <App
        host={host}
        today={localToday()}
        lang={lang}
        onLangChange={(l) => {
          document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en-US';
        }}
      />,
    );
  } catch (e) {
    showFatal(`无法启动加载项：${e instanceof Error ? e.message : String(e)}`);
  }
});
