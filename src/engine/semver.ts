// Version comparison with the semantics of the compare-versions copy inside @featurevisor/sdk 2.0.0:
// missing parts count as "0", x/* wildcards compare equal, a pre-release sorts below its release,
// numeric parts compare as numbers unless one side is not numeric (then both compare as strings).
// Invalid input throws; callers turn that into "condition does not match".

const SEMVER =
  /^[v^~<>=]*?(\d+)(?:\.([x*]|\d+)(?:\.([x*]|\d+)(?:\.([x*]|\d+))?(?:-([\da-z\-]+(?:\.[\da-z\-]+)*))?(?:\+[\da-z\-]+(?:\.[\da-z\-]+)*)?)?)?$/i;

/** [major, minor, patch, fourth, preRelease] with undefined for absent parts. */
export type ParsedVersion = Array<string | undefined>;

/** The parsed version, or undefined when it is not valid (the hot path avoids exceptions). */
export function tryParseVersion(version: string): ParsedVersion | undefined {
  if (typeof version !== 'string') return undefined;
  const match = SEMVER.exec(version);
  return match ? match.slice(1, 6) : undefined;
}

export function parseVersion(version: string): ParsedVersion {
  const parsed = tryParseVersion(version);
  if (!parsed) throw new Error(`Invalid argument not valid semver ('${version}' received)`);
  return parsed;
}

function isWildcard(part: string): boolean {
  return part === '*' || part === 'x' || part === 'X';
}

function comparePart(a: string, b: string): number {
  if (isWildcard(a) || isWildcard(b)) return 0;
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  let left: string | number = Number.isNaN(na) ? a : na;
  let right: string | number = Number.isNaN(nb) ? b : nb;
  if (typeof left !== typeof right) {
    left = String(left);
    right = String(right);
  }
  if (left > right) return 1;
  if (left < right) return -1;
  return 0;
}

function compareParts(a: ArrayLike<string | undefined>, b: ArrayLike<string | undefined>): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const result = comparePart(a[i] || '0', b[i] || '0');
    if (result !== 0) return result;
  }
  return 0;
}

export function compareParsedVersions(a: ParsedVersion, b: ParsedVersion): number {
  const result = compareParts(a.slice(0, 4), b.slice(0, 4));
  if (result !== 0) return result;
  const preA = a[4];
  const preB = b[4];
  if (preA && preB) return compareParts(preA.split('.'), preB.split('.'));
  if (preA || preB) return preA ? -1 : 1;
  return 0;
}

export function compareVersions(a: string, b: string): number {
  return compareParsedVersions(parseVersion(a), parseVersion(b));
}
