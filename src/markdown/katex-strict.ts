/**
 * Rehype plugin: rehype-katex reports a formula it cannot render (or a strict-mode warning) as a
 * message and goes on; this plugin collects every such message of the file and fails it once,
 * listing them all with file:line:column.
 */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

const KATEX_SOURCE = 'rehype-katex';

/**
 * The KaTeX problems of a file as `file:line:column: message` lines.
 *
 * @param file A file rehype-katex has processed.
 */
export function katexProblems(file: VFile): string[] {
  return file.messages
    .filter((message) => message.source === KATEX_SOURCE)
    .map((message) => {
      const place = startOf(message.place) ?? nearestPosition(message.ancestors);
      const path = file.path && file.cwd && file.path.startsWith(`${file.cwd}/`) ? file.path.slice(file.cwd.length + 1) : file.path;
      const where = `${path ?? '<input>'}:${place?.line ?? 0}:${place?.column ?? 0}`;
      const cause = message.cause instanceof Error ? message.cause.message : String(message.cause ?? '');
      return `${where}: ${message.reason}: ${cause}`;
    });
}

function startOf(place: VFileMessage['place']): Point | undefined {
  return place && 'start' in place ? place.start : place ?? undefined;
}

/** rehype-katex points at the `<code>` it replaced, which has no position; its `<pre>` has the formula's. */
function nearestPosition(ancestors: VFileMessage['ancestors']): Point | undefined {
  for (const node of [...(ancestors ?? [])].reverse()) {
    if (node.position) return node.position.start;
  }
  return undefined;
}

/** Rehype plugin: fail the file on any KaTeX error or strict-mode warning. */
export default function rehypeKatexStrict() {
  return (_tree: unknown, file: VFile) => {
    const problems = katexProblems(file);
    if (problems.length) {
      throw new Error(`KaTeX cannot render ${problems.length} formula(s):\n${problems.join('\n')}`);
    }
  };
}
