/**
 * Commands (which see only the store and the canvas) ask the mounted FilesHost to open a dialog
 * or the file picker through a window event: no global state, and each mounted app answers its own.
 */
import { useEffect } from 'react';

export type FilesRequest = 'open' | 'export' | 'import' | 'powershell';

const EVENT = 'lmpv:files-request';

export function requestFiles(request: FilesRequest): void {
  window.dispatchEvent(new CustomEvent<FilesRequest>(EVENT, { detail: request }));
}

export function useFilesRequests(handler: (request: FilesRequest) => void): void {
  useEffect(() => {
    const listener = (e: Event): void => handler((e as CustomEvent<FilesRequest>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [handler]);
}
