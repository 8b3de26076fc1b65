/** Shared by the Files*.test.tsx component tests: the file UI mounted as App mounts it, with fakes for the browser services. */
import { render } from '@testing-library/react';
import { useLayoutEffect, type ReactNode } from 'react';
import { vi } from 'vitest';
import type { CanvasApi } from '../../src/canvas/api';
import type { TopologyDocument } from '../../src/engine';
import { createAppStore, type AppStore } from '../../src/store/appStore';
import { CanvasApiProvider, useCanvasApi } from '../../src/ui/CanvasContext';
import { useShortcuts } from '../../src/ui/commands/useShortcuts';
import { FileButtons } from '../../src/ui/files/FileButtons';
import { FilesHost } from '../../src/ui/files/FilesHost';
import { NoticeBar } from '../../src/ui/NoticeBar';
import { StoreProvider } from '../../src/ui/StoreContext';

export interface Download {
  filename: string;
  blob: Blob;
}

/** Captures downloads (object URLs + anchor clicks) and the clipboard. */
export function fakeBrowser() {
  const blobs = new Map<string, Blob>();
  const downloads: Download[] = [];
  let n = 0;
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ filename: this.download, blob: blobs.get(this.href)! });
  });
  const clipboard = { writeText: vi.fn(async (_text: string) => {}) };
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  return { downloads, clipboard };
}

export function fakeCanvas(): CanvasApi & { exportPng: ReturnType<typeof vi.fn>; exportSvg: ReturnType<typeof vi.fn>; exportDrawio: ReturnType<typeof vi.fn> } {
  return {
    fit: vi.fn(), zoomIn: vi.fn(), zoomOut: vi.fn(), autoLayout: vi.fn(), pinLayout: vi.fn(() => null),
    exportPng: vi.fn(async () => [{ title: '', data: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9])], { type: 'image/png' }) }]),
    exportSvg: vi.fn(async () => [{ title: '', data: '<svg xmlns="http://www.w3.org/2000/svg"><text>HV01</text></svg>' }]),
    exportDrawio: vi.fn(async () => '<mxfile><diagram><mxGraphModel><root><mxCell id="0"/></root></mxGraphModel></diagram></mxfile>'),
  };
}

function RegisterCanvas({ api }: { api: CanvasApi | null }) {
  const canvasRef = useCanvasApi();
  useLayoutEffect(() => {
    canvasRef.current = api;
    return () => {
      canvasRef.current = null;
    };
  }, [canvasRef, api]);
  return null;
}

function Shortcuts() {
  useShortcuts();
  return null;
}

export function renderFiles(document: TopologyDocument, options: { canvas?: CanvasApi | null; savedDocument?: TopologyDocument; children?: ReactNode } = {}): AppStore {
  const store = createAppStore({ document, ...(options.savedDocument ? { savedDocument: options.savedDocument } : {}) });
  render(
    <StoreProvider store={store}>
      <CanvasApiProvider>
        <RegisterCanvas api={options.canvas ?? null} />
        <Shortcuts />
        <FileButtons />
        <NoticeBar />
        <FilesHost />
        {options.children}
      </CanvasApiProvider>
    </StoreProvider>,
  );
  return store;
}
