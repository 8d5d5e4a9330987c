// `lint` on a large project splits its work between two threads. The command thread loads and checks
// attributes, segments, features and groups; the thread that started it, idle otherwise once it has read
// those files for it, reads, parses and checks the test specs meanwhile. Spec checks need only a summary
// of the features and segments (SpecReferences), sent once the command thread has loaded them, and the
// findings come back as data: no parsed document crosses threads. Paired at 10,000 features (21,000 files,
// 10,000 of them specs): lint -118 ms (20/21), for 260 ms more CPU and 26 MiB more peak memory (the two
// threads' heaps). Whatever goes wrong on the starting thread, the command thread checks the specs itself.
import type { MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Dialect, ProjectConfig } from '../model/project.ts';
import type { Finding } from '../lint/finding.ts';
import type { SpecReferences } from '../lint/specs.ts';
import type { EntityFile } from '../project/files.ts';

/**
 * Command thread → starting thread: what the specs refer to (packed: a structured clone of 10,000 features'
 * entries took 25-55 ms to deserialise, JSON a few), or that they are not needed after all.
 */
type ReferencesMessage = { references: string; dialect: Dialect } | { stop: true };

type PackedReferences = { features: Array<[string, boolean, string[], string[]]>; segments: Array<[string, boolean]> };

function packReferences({ features, segments }: SpecReferences): string {
  return JSON.stringify({
    features: Array.from(features, ([key, f]) => [key, f.archived, f.variations, f.variables]),
    segments: Array.from(segments, ([key, s]) => [key, s.archived]),
  } satisfies PackedReferences);
}

function unpackReferences(packed: string): SpecReferences {
  const { features, segments } = JSON.parse(packed) as PackedReferences;
  return {
    features: new Map(features.map(([key, archived, variations, variables]) => [key, { archived, variations, variables }])),
    segments: new Map(segments.map(([key, archived]) => [key, { archived }])),
  };
}

/** Starting thread → command thread: the specs' load diagnostics and findings, or why there are none. */
type SpecsMessage = { diagnostics: Diagnostic[]; findings: Finding[] } | { failed: string };

/** What the command thread is told: the channel, and which folder's specs the starting thread checks. */
export interface SpecLintOffer {
  port: MessagePort;
  testsDirectory: string;
}

export type SpecLintResult = Extract<SpecsMessage, { findings: Finding[] }>;

/**
 * Starting thread: reads and parses `specs` (the project's spec files), waits for the command thread's
 * references, checks the specs and posts the result. Never throws: a failure is posted instead.
 */
export async function lintSpecsForCommandThread(config: ProjectConfig, specs: EntityFile[], port: MessagePort): Promise<void> {
  port.unref(); // waiting here must not keep the process alive once the command thread has ended
  try {
    const [{ parseRead }, { readText }, { normalizeTestSpec }, { checkSpecs }, { FindingList }] = await Promise.all([
      import('../project/parse.ts'),
      import('../project/read-ahead.ts'),
      import('../project/normalize.ts'),
      import('../lint/specs.ts'),
      import('../lint/finding.ts'),
    ]);
    const parsed = specs.map((entry) => ({ entry, outcome: parseRead(readText(entry.absolute), entry.absolute, entry.file) }));
    const message = await new Promise<ReferencesMessage | undefined>((resolve) => {
      port.once('message', resolve);
      port.once('close', () => resolve(undefined));
    });
    if (!message || 'stop' in message) return;
    const diagnostics: Diagnostic[] = [];
    const tests = [];
    for (const { entry, outcome } of parsed) {
      if (outcome.ok) tests.push(normalizeTestSpec(entry.key, entry.file, outcome.doc, message.dialect));
      else diagnostics.push(outcome.diagnostic);
    }
    const findings = new FindingList();
    checkSpecs(findings, config, unpackReferences(message.references), tests);
    port.postMessage({ diagnostics, findings: findings.items } satisfies SpecsMessage);
  } catch (error) {
    port.postMessage({ failed: (error as Error)?.stack ?? String(error) } satisfies SpecsMessage);
  }
}

let offered: SpecLintOffer | undefined;

/** Command thread: keeps the offer for the lint that takes it. */
export function offerSpecLint(offer: SpecLintOffer): void {
  offered = offer;
}

/** The command thread's half: hand over the references, then receive the checked specs. */
export interface SpecLint {
  /**
   * Sends the project's references and the dialect its specs are read in (see lint/specs.ts, project/load.ts) at
   * once; resolves to the starting thread's result, or undefined if it failed.
   */
  check(references: SpecReferences, dialect: Dialect): Promise<SpecLintResult | undefined>;
}

/** The offer, once, if it covers `config`'s specs; otherwise undefined (a mismatched offer's thread is told to stop). */
export function takeSpecLint(config: ProjectConfig): SpecLint | undefined {
  const offer = offered;
  offered = undefined;
  if (!offer) return undefined;
  const { port } = offer;
  if (offer.testsDirectory !== config.testsDirectoryPath) {
    dropSpecLint(offer);
    return undefined;
  }
  return {
    check(references, dialect) {
      const result = new Promise<SpecLintResult | undefined>((resolve) => {
        port.once('message', (message: SpecsMessage) => resolve('failed' in message ? undefined : message));
        port.once('close', () => resolve(undefined));
      });
      port.postMessage({ references: packReferences(references), dialect } satisfies ReferencesMessage);
      return result.finally(() => port.close());
    },
  };
}

/** Tells the starting thread that its specs are not needed (the command stopped before linting). */
export function dropSpecLint(offer: SpecLintOffer | undefined = offered): void {
  if (!offer) return;
  if (offer === offered) offered = undefined;
  offer.port.postMessage({ stop: true } satisfies ReferencesMessage);
  offer.port.close();
}
