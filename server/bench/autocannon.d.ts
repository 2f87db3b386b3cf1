// autocannon ships no types; the bench uses only its callback API with a plain options object.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  function autocannon(
    options: Record<string, unknown>,
    callback: (error: unknown, result: unknown) => void,
  ): EventEmitter;
  export default autocannon;
}
