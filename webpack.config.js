// Builds the add-in pages (task pane, ribbon commands, and with --env preview the Office-free preview) and the deployable manifest.
'use strict';
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;

/**
 * Content-Security-Policy of every page. Data never leaves the machine: scripts come from us and from Office's CDN
 * (office.js loads its host-specific parts from appsforoffice.microsoft.com and MicrosoftAjax from ajax.aspnetcdn.com),
 * and connections go nowhere but our own origin (same-origin websockets included, for the dev server's reload).
 * Styles need 'unsafe-inline': Fluent UI and Excel on the web's office.js inject style elements at run time.
 */
function csp(withOffice) {
  const office = withOffice ? ' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com' : '';
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

/** A page: its template when the file exists (others may not have written it yet), html-webpack-plugin's default otherwise. */
function page(name, template, withOffice) {
  const file = path.resolve(__dirname, template);
  const plugin = new HtmlWebpackPlugin({
    filename: `${name}.html`,
    chunks: [name],
    title: name,
    ...(fs.existsSync(file) ? { template: file } : {}),
  });
  plugin.cspContent = csp(withOffice);
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

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
  };
  const pages = [page('taskpane', 'src/taskpane/taskpane.html', true), page('commands', 'src/commands/commands.html', true)];
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
        ],
      }),
      new KeepOutOfBundles(/[\\/]node_modules[\\/]exceljs[\\/]/, ['taskpane', 'commands']),
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
