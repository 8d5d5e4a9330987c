// Seeded pseudo-random source for the project generator: the same seed string always yields the
// same sequence, so generated projects are byte-identical across runs and machines.

// FNV-1a over the UTF-16 code units, then a splitmix-style finaliser, so nearby seeds diverge.
function seedHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Random helpers over mulberry32, seeded from an arbitrary string. */
export function createRandom(seed) {
  let state = seedHash(String(seed));
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min, max) => min + Math.floor(float() * (max - min + 1));
  const one = (list) => list[Math.floor(float() * list.length)];
  const chance = (probability) => float() < probability;
  const shuffled = (list) => {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(float() * (i + 1));
      const tmp = copy[i];
      copy[i] = copy[j];
      copy[j] = tmp;
    }
    return copy;
  };
  const some = (list, count) => shuffled(list).slice(0, count);
  /** `table` is [[value, weight], ...]; weights need not sum to anything in particular. */
  const weighted = (table) => {
    let total = 0;
    for (const entry of table) total += entry[1];
    let roll = float() * total;
    for (const [value, weight] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return table[table.length - 1][0];
  };
  return { float, between, one, chance, shuffled, some, weighted };
}
