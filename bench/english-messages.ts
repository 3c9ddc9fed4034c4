// Injected into every bundle a benchmark builds from src/ (esbuild's `inject`): the code reads
// its messages from the browser's i18n API, which neither Node nor a plain test page has. The
// benchmarks run in English, from the catalogue the build wrote.
import en from '../extension/_locales/en/messages.json';
import { type ChromeMessage, renderMessage } from '../src/core/i18n/catalog';
import { useMessages } from '../src/core/i18n/translate';

const messages: Record<string, ChromeMessage> = en;

useMessages({
  getMessage: (name, substitutions) =>
    renderMessage(messages[name], substitutions === undefined ? [] : [substitutions].flat()),
});
