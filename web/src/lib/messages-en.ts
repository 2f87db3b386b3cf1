// English, loaded when someone switches to it: most people use the dashboard in Bahasa Indonesia
// and need not download these strings with the first page. The UI texts and the error messages
// come in this one chunk.
import enMessages from '../../messages/en.json';
import { mergeErrorFiles, type Catalogue, type ErrorMessages } from './messages';

/** The English error files, by path; exported for the catalogue tests. */
export const englishErrorFiles = import.meta.glob<ErrorMessages>(
  '../../messages/errors/en/*.json',
  { eager: true, import: 'default' },
);

export const english: Catalogue = {
  // Typed against id.json: a key missing here fails the type check.
  messages: enMessages,
  errors: mergeErrorFiles(englishErrorFiles),
};
