/**
 * End-to-end setup: checks Chromium, serves the built app (`vite build` ran before) with
 * `vite preview` on a free loopback port, and hands the address to the tests.
 */
import { existsSync } from 'node:fs';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './chromium';
import { serveBuild } from './server';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium (bash .ci/run does this for you).`);
  }
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run test:e2e\` (it builds first).`);
  const served = await serveBuild(outDir);
  server = served.server;
  project.provide('baseUrl', served.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
