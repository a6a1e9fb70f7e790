// Checks a tool's input against its schema before the handler runs, so a wrong type, a missing or
// unknown property is a clear tool error naming the property, never a failure deep in a handler.
// Only the subset of JSON Schema the tools use (toolTypes.ts JsonSchema) is understood.
import { type JsonSchema, ToolInputError } from './toolTypes';

export function checkInput(schema: JsonSchema, input: unknown, path = 'input'): void {
  const problem = problemWith(schema, input, path);
  if (problem) throw new ToolInputError(problem);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(type: string, actual: string): boolean {
  return type === actual || (type === 'number' && actual === 'integer');
}

function problemWith(schema: JsonSchema, value: unknown, path: string): string | undefined {
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(t, actual))) return `${path} must be ${types.join(' or ')}, not ${actual}.`;
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    return `${path} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(value)}.`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${path} must be at least ${schema.minimum}.`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${path} must be at most ${schema.maximum}.`;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.trim().length < schema.minLength) return `${path} must not be empty.`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      return `${path} is too long (over ${schema.maxLength} characters).`;
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      return `${path} needs at least ${schema.minItems} item(s).`;
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${path} takes at most ${schema.maxItems} items.`;
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const p = problemWith(schema.items, value[i], `${path}[${i}]`);
        if (p) return p;
      }
    }
  }
  if (actual === 'object' && schema.properties) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (object[name] === undefined) return `${path}.${name} is required.`;
    }
    for (const [name, v] of Object.entries(object)) {
      const property = schema.properties[name];
      if (!property) {
        if (schema.additionalProperties === false) {
          return `${path}.${name} is not an input of this tool; it takes ${Object.keys(schema.properties).join(', ')}.`;
        }
        continue;
      }
      if (v === undefined) continue;
      const p = problemWith(property, v, `${path}.${name}`);
      if (p) return p;
    }
  }
  return undefined;
}
