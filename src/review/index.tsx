// Review page entry: opens the database (this is an extension page, in the extension's origin)
// and mounts the app that lists, searches, edits, exports and imports every saved note.
import { render } from 'preact';
import { applyPageLanguage } from '../core/i18n/page-language';
import { t } from '../core/i18n/translate';
import { openDb } from '../db/schema';
import { ReviewApp } from './review-app';

// Before the first render, so Arabic lays the page out right to left from the first paint and
// screen readers read it in the messages' language.
applyPageLanguage(document.documentElement);
document.title = t('review_page_title');

const app = document.getElementById('app');
if (app) render(<ReviewApp db={openDb()} />, app);
