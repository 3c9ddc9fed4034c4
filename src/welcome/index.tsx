// Welcome page entry: puts the page in the messages' language and direction, names the tab and
// mounts the guide.
import { render } from 'preact';
import { applyPageLanguage } from '../core/i18n/page-language';
import { t } from '../core/i18n/translate';
import { WelcomeApp } from './welcome-app';

applyPageLanguage(document.documentElement);
document.title = t('welcome_page_title');
const app = document.getElementById('app');
if (app) render(<WelcomeApp />, app);
