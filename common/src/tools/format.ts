// Small text helpers the tools share, so every answer reads alike: one line per thing, dates as
// days, and "—" for what the service did not say.

export function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function orDash(value: unknown): string {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}
