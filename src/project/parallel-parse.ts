// Parses many YAML files. One place to decide how (today: in this thread; files are small and
// js-yaml is fast, so worker start-up and structured-clone costs would outweigh a second core).
import { parseYamlFile, type ParseOutcome } from './parse.ts';

export async function parseFilesInParallel(files: Array<{ absolute: string; file: string }>): Promise<ParseOutcome[]> {
  return files.map(({ absolute, file }) => parseYamlFile(absolute, file));
}
