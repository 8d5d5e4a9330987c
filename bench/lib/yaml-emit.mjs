// A tiny YAML writer for the generated projects: block maps and sequences, flow sequences of
// scalars, and quoting only where a plain scalar would change meaning. Enough for Featurevisor
// files; not a general YAML serialiser.

/** A timestamp written unquoted, so YAML loaders (js-yaml) read it back as a Date. */
export class Timestamp {
  constructor(iso) {
    this.iso = iso;
  }
}

// Words YAML 1.1/1.2 loaders would turn into booleans or null if left unquoted.
const SPECIAL_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);
const PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function scalar(value) {
  if (value === null) return 'null';
  if (value instanceof Timestamp) return value.iso;
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to YAML`);
      return String(value);
    case 'string':
      return PLAIN.test(value) && !SPECIAL_WORDS.has(value.toLowerCase()) ? value : JSON.stringify(value);
    default:
      throw new Error(`cannot write a ${typeof value} as a YAML scalar`);
  }
}

const isScalar = (value) => value === null || value instanceof Timestamp || typeof value !== 'object';
const definedKeys = (map) => Object.keys(map).filter((key) => map[key] !== undefined);
const pad = (n) => ' '.repeat(n);

function flowList(list) {
  return '[' + list.map(scalar).join(', ') + ']';
}

function writeMap(map, indent, lines) {
  for (const key of definedKeys(map)) {
    const value = map[key];
    const head = `${pad(indent)}${scalar(key)}:`;
    if (isScalar(value)) lines.push(`${head} ${scalar(value)}`);
    else if (Array.isArray(value)) {
      if (value.every(isScalar)) lines.push(`${head} ${flowList(value)}`);
      else {
        lines.push(head);
        writeList(value, indent + 2, lines);
      }
    } else if (definedKeys(value).length === 0) lines.push(`${head} {}`);
    else {
      lines.push(head);
      writeMap(value, indent + 2, lines);
    }
  }
}

// Items are written as "- " at `indent`; their content sits two columns further in.
function writeList(list, indent, lines) {
  for (const item of list) {
    if (isScalar(item)) lines.push(`${pad(indent)}- ${scalar(item)}`);
    else if (Array.isArray(item)) {
      if (item.every(isScalar)) lines.push(`${pad(indent)}- ${flowList(item)}`);
      else {
        lines.push(`${pad(indent)}-`);
        writeList(item, indent + 2, lines);
      }
    } else {
      const inner = [];
      writeMap(item, indent + 2, inner);
      if (inner.length === 0) lines.push(`${pad(indent)}- {}`);
      else {
        inner[0] = `${pad(indent)}- ${inner[0].slice(indent + 2)}`;
        lines.push(...inner);
      }
    }
  }
}

/** A YAML document for a plain object (undefined values are left out). */
export function toYaml(document) {
  const lines = [];
  writeMap(document, 0, lines);
  return lines.join('\n') + '\n';
}
