import { buildMain, buildRenderer } from '../scripts/build.mjs';

/** The CLI, the Electron bundles and the renderer are tested as built, once per run. */
export default async function setup(): Promise<void> {
  await buildMain();
  await buildRenderer();
}
