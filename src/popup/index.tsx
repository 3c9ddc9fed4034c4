// Popup entry: mounts the app that lists this page's claims.
import { render } from 'preact';
import { PopupApp } from './popup-app';

const app = document.getElementById('app');
if (app) render(<PopupApp />, app);
