// A subscription PATCH must carry the whole resource: Partner Center resets what it leaves out,
// such as auto-renew and scheduled changes (reference §3.3, "update-a-subscription-by-id"). So the
// document is merged over the subscription as it is now, and only the fields the document really
// changes differ from what the service holds; those are listed for the confirmation.
import { type FieldChange } from './purchase';
import { isObject, type JsonObject, jsonEqual, keyOf } from './jsonValues';

export interface MergeResult {
  merged: JsonObject;
  changes: FieldChange[];
}

/** Objects merge key by key (names matched without regard to case); arrays and scalars replace. */
export function mergeOver(current: JsonObject, change: JsonObject): MergeResult {
  const changes: FieldChange[] = [];
  const merged = mergeObject(current, change, '', changes);
  return { merged, changes };
}

function mergeObject(current: JsonObject, change: JsonObject, at: string, changes: FieldChange[]): JsonObject {
  const out: JsonObject = { ...current };
  for (const [writtenKey, value] of Object.entries(change)) {
    if (writtenKey === '$schema') continue;
    const key = keyOf(current, writtenKey) ?? writtenKey;
    const path = at === '' ? key : `${at}.${key}`;
    const before = current[key];
    if (isObject(before) && isObject(value)) {
      out[key] = mergeObject(before, value, path, changes);
    } else {
      if (!jsonEqual(before, value)) changes.push({ path, from: before, to: value });
      out[key] = value;
    }
  }
  return out;
}

/** True when every change is already what `resource` holds (used to tell an applied update). */
export function changesApplied(resource: JsonObject, changes: readonly FieldChange[]): boolean {
  return changes.every((c) => jsonEqual(valueAt(resource, c.path), c.to));
}

function valueAt(obj: JsonObject, path: string): unknown {
  let node: unknown = obj;
  for (const part of path.split('.')) {
    if (!isObject(node)) return undefined;
    const key = keyOf(node, part);
    node = key === undefined ? undefined : node[key];
  }
  return node;
}
