// The current period changes once a year; remembering its id lets the first screen ask for the
// plan straight away instead of asking for the period first. The server's answer confirms it.
const storageKey = 'kinerja.currentPeriodId';

export function rememberedPeriodId(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

export function rememberPeriodId(id: string): void {
  try {
    localStorage.setItem(storageKey, id);
  } catch {
    // Not remembered: the next visit asks for the period first, which still works.
  }
}
