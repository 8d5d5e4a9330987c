// Reading attribute values from a context, as the SDK does: a key without "." is a plain property
// lookup; "a.b.c" walks the path and yields undefined once a step is falsy.
import type { AttributeValue, Context } from '../model/datafile.ts';

export type Accessor = (context: Context) => AttributeValue;

export function compilePath(path: unknown): Accessor {
  if (typeof path !== 'string') {
    // The SDK calls path.indexOf(...) and fails; the caller decides what a failure means.
    return () => {
      throw new TypeError(`invalid attribute path: ${JSON.stringify(path)}`);
    };
  }
  if (path.indexOf('.') === -1) return (context) => (context as Record<string, AttributeValue>)[path];
  const steps = path.split('.');
  return (context) => {
    let current: unknown = context;
    for (let i = 0; i < steps.length; i++) {
      current = current ? (current as Record<string, unknown>)[steps[i]] : undefined;
    }
    return current as AttributeValue;
  };
}

export function getValueFromContext(context: Context, path: string): AttributeValue {
  return compilePath(path)(context);
}
