// Review page entry: opens the database (this is an extension page, in the extension's origin)
// and mounts the app that lists, searches, edits, exports and imports every saved note.
import { render } from 'preact';
import { openDb } from '../db/schema';
import { ReviewApp } from './review-app';

const app = document.getElementById('app');
if (app) render(<ReviewApp db={openDb()} />, app);
