import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.svelte', 'web/src/**/*.ts', '!web/src/lib/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/lib/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
