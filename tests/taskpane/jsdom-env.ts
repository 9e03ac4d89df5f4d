// What every pane test under jsdom needs: a ResizeObserver (Fluent's MessageBar uses it; Office webviews have one,
// jsdom does not) and screen waits generous enough for a busy 2-core machine (nothing here measures speed).
import { configure } from '@testing-library/react';

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;
configure({ asyncUtilTimeout: 20_000 });
