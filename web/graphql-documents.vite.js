import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const generated = resolve(dirname(fileURLToPath(import.meta.url)), 'src/lib/gql/graphql.ts');
const prefix = 'virtual:kinerja-gql/';
const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const definition = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+([_A-Za-z]\w*)/;
const documentLine =
  /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*>;$/gm;
const runtimeImport = /^\s*import\s*\{\s*graphql\s*\}\s*from\s*'\$lib\/gql';?[ \t]*\n/m;

/**
 * Compiles `graphql(`…`)` calls into imports of the documents GraphQL Code Generator wrote to
 * `$lib/gql/graphql.ts`, one small module per document, so that a page's code carries only its own
 * documents. Without it every page bundles the `graphql()` lookup table and with it every document
 * of the app (the client preset's Babel plugin exists for the same reason, but this build has no
 * Babel). Sources keep calling `graphql()`: that is what the generator reads and what gives the
 * types. A call whose document is not generated yet is left alone and still works at run time.
 */
/** @returns {import('vite').Plugin} */
export function graphqlDocuments() {
  /** @type {Map<string, string>} */
  let documents = new Map();
  let readAt = -1;

  function generatedDocuments() {
    const modified = statSync(generated, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (modified !== readAt) {
      readAt = modified;
      const text = modified ? readFileSync(generated, 'utf8') : '';
      documents = new Map([...text.matchAll(documentLine)].map((m) => [m[1], m[2]]));
    }
    return documents;
  }

  return {
    name: 'kinerja:graphql-documents',
    enforce: 'pre',
    resolveId(/** @type {string} */ source) {
      return source.startsWith(prefix) ? `\0${source}` : null;
    },
    load(/** @type {string} */ id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const name = id.slice(prefix.length + 1);
      const json = generatedDocuments().get(name);
      if (!json) throw new Error(`${name} is not in ${generated}; run graphql-codegen.`);
      return `export default ${json};\n`;
    },
    transform(/** @type {string} */ code, /** @type {string} */ id) {
      const file = id.split('?')[0];
      if (!/\/src\/.+\.(ts|svelte)$/.test(file) || file.includes('/src/lib/gql/')) return null;
      if (!code.includes('graphql(`')) return null;
      const known = generatedDocuments();
      /** @type {Set<string>} */
      const used = new Set();
      let first = -1;
      const replaced = code.replace(
        call,
        (/** @type {string} */ whole, /** @type {string} */ body, /** @type {number} */ offset) => {
          const match = definition.exec(body);
          if (!match) return whole;
          const name = match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
          if (!known.has(name)) return whole;
          if (first < 0) first = offset;
          used.add(name);
          return `__gql_${name}`;
        },
      );
      if (used.size === 0) return null;
      const statements = [...used]
        .map((name) => `import __gql_${name} from '${prefix}${name}';\n`)
        .join('');
      let output;
      if (file.endsWith('.svelte')) {
        // Into the script block holding the first call; nothing before it was replaced.
        const tag = code.lastIndexOf('<script', first);
        const at = code.indexOf('>', tag) + 1;
        output = `${replaced.slice(0, at)}\n${statements}${replaced.slice(at)}`;
      } else {
        output = `${statements}${replaced}`;
      }
      if (!/\bgraphql\(/.test(output)) output = output.replace(runtimeImport, '');
      return { code: output, map: null };
    },
  };
}
