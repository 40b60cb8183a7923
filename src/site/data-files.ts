/**
 * The site's data files: /verification.json (the report; the contract in ../shared/DESIGN.md) and
 * each note file's /formulas/<lang>/<slug>.json (the compiled formulas its live check widgets run,
 * fetched when a reader opens one). A build writes them into its output once its pages are done,
 * and a warm build links them to the derived cache's files (copies them where it cannot link): at
 * 10,000 formulas they are 52 MB (70 MB before each page's contexts were packed), which as
 * endpoints' Response bodies cost page generation about a second of copying and encoding, and as
 * copies a quarter of a second. The dev server serves the same bytes from the routes in ./routes/,
 * which only it injects.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { replaceFile } from '../verification/cache.js';
import { BUILD_SEED } from '../verification/check-page.js';
import { widgetFormulasJson, writeWidgetFormulas } from '../verification/compiled.js';
import { packWidgetFormulas } from '../widget/data.js';
import { summarize, verificationJson } from '../verification/report.js';
import { siteVerification } from '../verification/site.js';
import { listNotePaths } from './notes.js';
import { formulasPath } from './urls.js';

/** A note file's widget data when the build checks nothing: the seed, no formulas (the widgets say so). */
const UNCHECKED_WIDGET = JSON.stringify(packWidgetFormulas({ seed: BUILD_SEED, formulas: {} }));

/** /verification.json when the build checks nothing: `checked: false`, no formulas. */
const uncheckedReport = (): string => verificationJson(false, { summary: summarize([]), formulas: [] });

/**
 * A note file's widget data, as the dev server serves it.
 *
 * @param root Project root.
 * @param path The note file (relative to the root).
 * @param checked Whether formulas are checked.
 */
export async function widgetFormulasBody(root: string, path: string, checked: boolean): Promise<Uint8Array<ArrayBuffer> | string> {
  return checked ? widgetFormulasJson(siteVerification(root), path) : UNCHECKED_WIDGET;
}

/**
 * /verification.json, as the dev server serves it.
 *
 * @param root Project root.
 * @param checked Whether formulas are checked.
 */
export async function reportBody(root: string, checked: boolean): Promise<Uint8Array<ArrayBuffer> | string> {
  return checked ? siteVerification(root).reportJson() : uncheckedReport();
}

/** What {@link writeDataFiles} wrote. */
export interface DataFilesWritten {
  files: number;
  bytes: number;
  /** How many are the derived cache's files, linked or copied (the others were made, and stored). */
  fromCache: number;
}

/**
 * Write the data files into a build's output: /verification.json and every note file's widget data.
 *
 * @param root Project root.
 * @param outDir The build's output folder.
 * @param checked Whether the build checked formulas (else each file says it checked nothing).
 */
export async function writeDataFiles(root: string, outDir: string, checked: boolean): Promise<DataFilesWritten> {
  const site = checked ? siteVerification(root) : undefined;
  const hits = (): number => Object.values(site?.derived.stats() ?? {}).reduce((sum, kind) => sum + kind.hits, 0);
  const hitsBefore = hits();
  const written: string[] = [];
  const target = (url: string): string => {
    const dest = join(outDir, url);
    mkdirSync(dirname(dest), { recursive: true });
    written.push(dest);
    return dest;
  };
  const report = target('/verification.json');
  if (site) await site.writeReportJson(report);
  else replaceFile(report, uncheckedReport());
  for (const note of listNotePaths(root)) {
    const dest = target(formulasPath(note.lang, note.slug));
    if (site) await writeWidgetFormulas(site, note.path, dest);
    else replaceFile(dest, UNCHECKED_WIDGET);
  }
  return { files: written.length, bytes: written.reduce((sum, file) => sum + statSync(file).size, 0), fromCache: hits() - hitsBefore };
}
