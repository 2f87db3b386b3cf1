import { describe, expect, it } from 'vitest';
import { JobType } from './directory.enums.js';
import { type ChainLink, supervisorProblem } from './directory.rules.js';

const link = (id: string, jobType = JobType.SUPERVISOR, active = true): ChainLink => ({
  id,
  name: id.toUpperCase(),
  active,
  jobType,
});
const ana = { id: 'ana', name: 'ANA' };

describe('supervisorProblem', () => {
  it.each<[string, ChainLink[], string | null]>([
    [
      'accepts an active pengawas with a clean chain',
      [link('b'), link('c', JobType.ADMINISTRATOR)],
      null,
    ],
    ['accepts clearing the supervisor', [], null],
    [
      'refuses the employee as their own supervisor',
      [link('ana')],
      'ANA cannot be their own supervisor.',
    ],
    [
      'refuses an inactive supervisor',
      [link('b', JobType.SUPERVISOR, false)],
      'B is inactive and cannot supervise anyone; choose an active supervisor.',
    ],
    [
      'refuses a pelaksana as supervisor',
      [link('b', JobType.EXECUTOR)],
      'B holds no structural position (JPT, administrator or pengawas) and cannot be a supervisor (pejabat penilai kinerja).',
    ],
    [
      'refuses a supervisor whose own chain leads back to the employee',
      [link('b'), link('c'), link('ana'), link('b')],
      'Making B the supervisor of ANA would create a cycle: ANA → B → C → ANA.',
    ],
    [
      'refuses a direct report becoming the supervisor',
      [link('b'), link('ana')],
      'Making B the supervisor of ANA would create a cycle: ANA → B → ANA.',
    ],
  ])('%s', (_name, chain, expected) => {
    expect(supervisorProblem(ana, chain)).toBe(expected);
  });
});
