/**
 * Runs once before all test files: builds the renderer into out/renderer, so the end-to-end
 * files (which run in parallel) never build into the same folder at the same time.
 */
import { buildRenderer } from './host';

export default async function setup(): Promise<void> {
  await buildRenderer();
}
