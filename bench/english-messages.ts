// Injected into every bundle a benchmark builds from src/ (esbuild's `inject`): the code reads
// its messages from the browser's i18n API, which neither Node nor a plain test page has. The
// benchmarks run in English, from the translations the build merges (src/locales/en/).
import { renderMessage, toChromeMessages } from '../src/core/i18n/catalog';
import { useMessages } from '../src/core/i18n/translate';
import common from '../src/locales/en/common.json';
import page from '../src/locales/en/page.json';
import popup from '../src/locales/en/popup.json';
import review from '../src/locales/en/review.json';
import welcome from '../src/locales/en/welcome.json';

const messages = toChromeMessages([common, page, popup, review, welcome]);

useMessages({ getMessage: (name) => renderMessage(messages[name]) });
