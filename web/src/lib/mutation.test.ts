import { CombinedError, type Client, type TypedDocumentNode } from '@urql/core';
import { GraphQLError, parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './i18n.svelte';
import { createMutation } from './mutation.svelte';

type Data = { save: { id: string } };
type Variables = { title: string };
const SaveMutation = parse(
  'mutation Save($title: String!) { save(title: $title) { id } }',
) as unknown as TypedDocumentNode<Data, Variables>;

interface Answer {
  data?: Data;
  error?: CombinedError;
}

/** A client that answers each mutation with the next of `answers`, recording what it was sent. */
function fakeClient(answers: Answer[]) {
  const sent: { variables: unknown; context: unknown }[] = [];
  let release: (() => void) | undefined;
  const client = {
    mutation(_document: unknown, variables: unknown, context: unknown) {
      sent.push({ variables, context });
      const answer = answers.shift() ?? {};
      return {
        toPromise: () =>
          new Promise<Answer>((resolve) => {
            release = () => resolve(answer);
          }),
      };
    },
  } as unknown as Client;
  return {
    client,
    sent,
    /** Lets the pending mutation answer. */
    answer() {
      release?.();
    },
  };
}

function badInput(field: string): CombinedError {
  return new CombinedError({
    graphQLErrors: [
      new GraphQLError('Title is too short.', {
        extensions: {
          code: 'BAD_USER_INPUT',
          field,
          reason: 'training.titleTooShort.notInAnyCatalogue',
        },
      }),
    ],
  });
}

afterEach(async () => {
  await setLocale('id');
});

describe('createMutation()', () => {
  it('is busy from run() until the answer is in, and returns the data', async () => {
    const fake = fakeClient([{ data: { save: { id: '1' } } }]);
    const save = createMutation(SaveMutation, {
      client: fake.client,
      context: { additionalTypenames: ['Training'] },
    });
    expect(save.busy).toBe(false);
    const running = save.run({ title: 'Menulis naskah dinas' }, { context: { extra: true } });
    expect(save.busy).toBe(true);
    fake.answer();
    expect(await running).toEqual({ save: { id: '1' } });
    expect(save.busy).toBe(false);
    expect(save.problem).toBeNull();
    expect(fake.sent).toEqual([
      {
        variables: { title: 'Menulis naskah dinas' },
        context: { additionalTypenames: ['Training'], extra: true },
      },
    ]);
  });

  it('gives the translated problem with its field, code and reason, and null', async () => {
    const fake = fakeClient([{ error: badInput('title') }]);
    const save = createMutation(SaveMutation, { client: fake.client });
    const running = save.run({ title: 'x' });
    fake.answer();
    expect(await running).toBeNull();
    expect(save.problem).toMatchObject({
      field: 'title',
      code: 'BAD_USER_INPUT',
      reason: 'training.titleTooShort.notInAnyCatalogue',
      message: 'Isian tidak dapat diterima. Periksa lalu coba lagi.',
    });
    // The message follows a language switch.
    await setLocale('en');
    expect(save.problem?.message).toBe(
      'Something you entered was not accepted. Check it and try again.',
    );
  });

  it('counts an answer with neither data nor error as a failure', async () => {
    const fake = fakeClient([{}]);
    const save = createMutation(SaveMutation, { client: fake.client });
    const running = save.run({ title: 'x' });
    fake.answer();
    expect(await running).toBeNull();
    expect(save.problem?.message).toBe('Terjadi kesalahan. Coba lagi.');
    expect(save.problem?.code).toBeUndefined();
  });

  it('reports a network failure as such', async () => {
    const fake = fakeClient([
      { error: new CombinedError({ networkError: new Error('Failed to fetch') }) },
    ]);
    const save = createMutation(SaveMutation, { client: fake.client });
    const running = save.run({ title: 'x' });
    fake.answer();
    await running;
    expect(save.problem?.message).toBe(
      'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.',
    );
  });

  it('forgets the problem when run again, and on clear()', async () => {
    const fake = fakeClient([{ error: badInput('title') }, { error: badInput('title') }]);
    const save = createMutation(SaveMutation, { client: fake.client });
    let running = save.run({ title: 'x' });
    fake.answer();
    await running;
    expect(save.problem).not.toBeNull();
    running = save.run({ title: 'y' });
    expect(save.problem).toBeNull();
    fake.answer();
    await running;
    expect(save.problem).not.toBeNull();
    save.clear();
    expect(save.problem).toBeNull();
  });

  it('retries with the last variables and options', async () => {
    const fake = fakeClient([{ error: badInput('title') }, { data: { save: { id: '2' } } }]);
    const save = createMutation(SaveMutation, { client: fake.client });
    const done: string[] = [];
    const after = (data: Data) => {
      done.push(data.save.id);
    };
    let running = save.run({ title: 'Menulis' }, { after });
    fake.answer();
    expect(await running).toBeNull();
    running = save.retry();
    fake.answer();
    expect(await running).toEqual({ save: { id: '2' } });
    expect(fake.sent.map((s) => s.variables)).toEqual([{ title: 'Menulis' }, { title: 'Menulis' }]);
    expect(done).toEqual(['2']);
  });

  it('resolves retry() with null when nothing ran yet', async () => {
    const save = createMutation(SaveMutation, { client: fakeClient([]).client });
    expect(await save.retry()).toBeNull();
  });

  it('stays busy until the work after a success is done', async () => {
    const fake = fakeClient([{ data: { save: { id: '3' } } }]);
    const save = createMutation(SaveMutation, { client: fake.client });
    let finish: (() => void) | undefined;
    const busyDuring: boolean[] = [];
    const running = save.run(
      { title: 'x' },
      {
        after: () =>
          new Promise<void>((resolve) => {
            busyDuring.push(save.busy);
            finish = resolve;
          }),
      },
    );
    fake.answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(busyDuring).toEqual([true]);
    expect(save.busy).toBe(true);
    finish?.();
    await running;
    expect(save.busy).toBe(false);
  });
});
