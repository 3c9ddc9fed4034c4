// Popup entry: puts the page in the messages' language and direction (Arabic reads right to
// left), names it, and mounts the app that lists this page's claims.
import { render } from 'preact';
import { applyPageLanguage } from '../core/i18n/page-language';
import { t } from '../core/i18n/translate';
import { PopupApp } from './popup-app';

applyPageLanguage(document.documentElement);
document.title = t('extension_name');
const app = document.getElementById('app');
if (app) render(<PopupApp />, app);
