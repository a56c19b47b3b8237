/**
 * Benchmark flags: `--name=value` and `--name value` both work (the older benches use the second
 * form), a bare `--name` is a boolean. A value that is not a number where one is needed stops the
 * run with a message instead of silently measuring something else.
 */
export interface Flags {
  num(name: string, fallback: number): number;
  list(name: string, fallback: number[]): number[];
  str(name: string): string | undefined;
  has(name: string): boolean;
}

export function parseFlags(argv: readonly string[]): Flags {
  const raw = (name: string): string | undefined => {
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    if (eq !== undefined) return eq.slice(name.length + 3);
    const i = argv.indexOf(`--${name}`);
    const next = i >= 0 ? argv[i + 1] : undefined;
    return next !== undefined && !next.startsWith('--') ? next : undefined;
  };
  const number = (name: string, text: string): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got "${text}"`);
    return n;
  };
  return {
    num: (name, fallback) => {
      const v = raw(name);
      return v === undefined ? fallback : number(name, v);
    },
    list: (name, fallback) => {
      const v = raw(name);
      return v === undefined ? fallback : v.split(',').map((s) => number(name, s));
    },
    str: raw,
    has: (name) => argv.includes(`--${name}`) || argv.some((a) => a.startsWith(`--${name}=`)),
  };
}
