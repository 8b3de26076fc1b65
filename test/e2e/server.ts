/** Serving the built app on loopback for e2e tests, screenshots and browser benchmarks. */
import { createServer } from 'node:net';
import { preview, type PreviewServer } from 'vite';

/** A free loopback port (fixed ports are often taken on this machine). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** `vite preview` of a build directory on a free port; returns the server and its address. */
export async function serveBuild(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const port = await freePort();
  const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return { server, url: `http://127.0.0.1:${port}/` };
}
