// Attribute names a condition tree reads (dot paths count as their first part).

export function collectConditionAttributes(conditions: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(conditions)) {
    for (const item of conditions) collectConditionAttributes(item, into);
  } else if (conditions && typeof conditions === 'object') {
    const record = conditions as Record<string, unknown>;
    if (typeof record.attribute === 'string') into.add(record.attribute.split('.')[0]);
    for (const key of ['and', 'or', 'not']) if (key in record) collectConditionAttributes(record[key], into);
  }
  return into;
}
