// Builds the add-in pages (task pane, ribbon commands, and with --env preview the Office-free preview), the web page
// (check.html) and the deployable manifest; --env offline (or OFFICE_JS=local) serves office.js from the add-in's host.
'use strict';
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;
/** Where the templates load office.js from; an offline build loads the npm package's copy from OFFICE_JS_DIR instead. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = 'office-js';
/** Stands in the web page's bundle for the worker's source (src/web/worker-source.ts); InlineWorker replaces it. */
const WORKER_SOURCE_PLACEHOLDER = '__FUNDCHECK_CHECK_WORKER_SOURCE__';

/**
 * Content-Security-Policy of every page. Data never leaves the machine: scripts come from us and from Office's CDN
 * (office.js loads its host-specific parts from appsforoffice.microsoft.com and MicrosoftAjax from ajax.aspnetcdn.com),
 * and connections go nowhere but our own origin (same-origin websockets included, for the dev server's reload).
 * Styles need 'unsafe-inline': Fluent UI and Excel on the web's office.js inject style elements at run time.
 */
function csp(withOffice, offline = false) {
  // Offline, office.js and the host files it loads come from our own origin ('self').
  const office = withOffice && !offline ? ' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The web page's policy: no connection at all (what a user drops never leaves the machine), scripts only from the page's
 * own files, and its worker from the blob the page makes of the inlined worker bundle (a file:// page can start no other).
 */
function webCsp() {
  return [
    "default-src 'none'",
    "script-src 'self'",
    'worker-src blob:',
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A page: its template when the file exists (others may not have written it yet), html-webpack-plugin's default otherwise. */
function page(name, template, withOffice, offline = false) {
  const file = path.resolve(__dirname, template);
  const plugin = new HtmlWebpackPlugin({
    filename: `${name}.html`,
    chunks: [name],
    title: name,
    ...(fs.existsSync(file) ? { template: file } : {}),
  });
  plugin.cspContent = csp(withOffice, offline);
  plugin.officeJsLocal = withOffice && offline;
  return plugin;
}

/**
 * Puts each page's CSP meta tag first in <head> (right after <meta charset>): a policy only governs what comes after
 * it, and the templates load office.js early in <head>.
 */
class CspFirst {
  apply(compiler) {
    compiler.hooks.compilation.tap('CspFirst', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('CspFirst', (data) => {
        // Offline build: office.js from the add-in's own host, next to the page.
        if (data.plugin.officeJsLocal) data.html = data.html.split(OFFICE_JS_CDN).join(`${OFFICE_JS_DIR}/office.js`);
        const content = data.plugin.cspContent;
        if (!content) return data;
        const tag = `<meta http-equiv="Content-Security-Policy" content="${content}">`;
        const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i;
        const head = /<head(\s[^>]*)?>/i;
        if (charset.test(data.html)) data.html = data.html.replace(charset, (m) => m + tag);
        else if (head.test(data.html)) data.html = data.html.replace(head, (m) => m + tag);
        else data.html = tag + data.html;
        return data;
      });
    });
  }
}

/** Fails the build when exceljs (the CLI's reader, ~1 MB) ends up in a bundle that Excel loads. */
class KeepOutOfBundles {
  constructor(pattern, entries) {
    this.pattern = pattern;
    this.entries = entries;
  }
  apply(compiler) {
    compiler.hooks.afterCompile.tap('KeepOutOfBundles', (compilation) => {
      for (const name of this.entries) {
        const ep = compilation.entrypoints.get(name);
        if (!ep) continue;
        for (const chunk of ep.chunks) {
          for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const res = mod.resource || (mod.rootModule && mod.rootModule.resource) || '';
            if (this.pattern.test(res)) {
              compilation.errors.push(new Error(`${res} must not be bundled into ${name} (it would load in Excel's webview).`));
              return;
            }
          }
        }
      }
    });
  }
}

/**
 * Puts the worker's bundle into the web page's bundle as a string (replacing WORKER_SOURCE_PLACEHOLDER), which the page
 * starts from a blob: a page opened as file:// cannot start a worker from a file. Runs after minification, before the
 * content hashes are computed, so the page bundle's name still follows its content; the worker's own file is dropped.
 */
class InlineWorker {
  constructor(pageEntry, workerEntry, placeholder) {
    this.pageEntry = pageEntry;
    this.workerEntry = workerEntry;
    this.placeholder = placeholder;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineWorker', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InlineWorker', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE - 1 }, () => {
        const files = (entry) => [...(compilation.entrypoints.get(entry)?.getFiles() ?? [])].filter((f) => f.endsWith('.js'));
        const workerFiles = files(this.workerEntry);
        if (workerFiles.length !== 1) {
          compilation.errors.push(new Error(`InlineWorker: ${this.workerEntry} must be one .js file (got ${workerFiles.join(', ') || 'none'})`));
          return;
        }
        const source = compilation.getAsset(workerFiles[0]).source.source().toString();
        const quoted = new RegExp(`(["'\`])${this.placeholder}\\1`, 'g');
        let replaced = 0;
        for (const f of files(this.pageEntry)) {
          const text = compilation.getAsset(f).source.source().toString();
          const next = text.replace(quoted, () => (replaced++, JSON.stringify(source)));
          if (next !== text) compilation.updateAsset(f, new webpack.sources.RawSource(next));
        }
        if (replaced === 0) compilation.errors.push(new Error(`InlineWorker: no ${this.placeholder} in ${this.pageEntry}`));
        compilation.deleteAsset(workerFiles[0]);
      });
    });
  }
}

/** node: modules the reader, preflight and copy writer import, served in the web page's worker by small shims. */
const NODE_SHIMS = { fs: 'src/web/shims/fs.ts', path: 'src/web/shims/path.ts', zlib: 'src/web/shims/zlib.ts' };

/** dev-server certificates from office-addin-dev-certs (trusted by Office); falls back to the dev server's own self-signed ones. */
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const opts = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { key: opts.key, cert: opts.cert, ca: opts.ca } };
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e && e.message}); serving https with a self-signed certificate.`);
    return 'https';
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const preview = !!env.preview;
  const serving = !!env.WEBPACK_SERVE;
  const addinUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, '/') : null;
  // Units that cannot reach Microsoft's CDN (政务外网, intranets): office.js from the add-in's own host.
  const offline = !!env.offline || process.env.OFFICE_JS === 'local';

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    check: './src/web/index.tsx',
    'check-worker': './src/web/worker.ts',
  };
  const webPage = page('check', 'src/web/check.html', false);
  webPage.cspContent = webCsp();
  const pages = [page('taskpane', 'src/taskpane/taskpane.html', true, offline), page('commands', 'src/commands/commands.html', true, offline), webPage];
  if (preview) {
    entry.preview = './src/preview/index.tsx';
    pages.push(page('preview', 'src/preview/preview.html', false));
  }

  return {
    mode,
    context: __dirname,
    entry,
    // No eval-based source maps: the pages' CSP has no 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: !serving,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // The preview opens .xlsx files in the browser with exceljs' own browser build (no Node polyfills needed).
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules, not tsconfig's CommonJS, so webpack can drop the unused parts of Fluent UI.
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      ...pages,
      new CspFirst(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // The deployed manifest points at where the pages are hosted.
            transform: (content) => (addinUrl && !dev ? content.toString().split(DEV_URL).join(addinUrl) : content),
          },
          ...(preview ? [{ from: 'assets/samples', to: 'samples', noErrorOnMissing: true }] : []),
          // Offline: office.js, the Excel host files it loads next to itself, and its strings for every locale.
          ...(offline
            ? [
                {
                  from: '{office.js,excel-*-16.*.js,*/office_strings.js}',
                  context: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
                  to: OFFICE_JS_DIR,
                  globOptions: { ignore: ['**/*.debug.js'] },
                  // Microsoft's files as published: not minified again, no licence comments moved out.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      new webpack.NormalModuleReplacementPlugin(/^(node:)?(fs|path|zlib)$/, (resource) => {
        const name = resource.request.replace(/^node:/, '');
        // Only what the web page's worker imports from src/ (the CLI's reader, preflight and copy writer); node_modules keep theirs.
        if (/[\\/]node_modules[\\/]/.test(resource.context)) return;
        resource.request = path.resolve(__dirname, NODE_SHIMS[name]);
      }),
      new InlineWorker('check', 'check-worker', WORKER_SOURCE_PLACEHOLDER),
      new KeepOutOfBundles(/[\\/]node_modules[\\/]exceljs[\\/]/, ['taskpane', 'commands', 'check', 'check-worker']),
      new KeepOutOfBundles(/[\\/]src[\\/]web[\\/]shims[\\/]/, ['taskpane', 'commands', 'check']),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: 'localhost',
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      // The preview needs no certificates; the add-in must be https for Office.
      server: preview ? 'http' : serving ? await httpsOptions() : 'https',
      open: preview ? ['/preview.html'] : false,
      client: { overlay: false },
    },
  };
};
