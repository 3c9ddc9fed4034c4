import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/schema';
import { detectionSettings, siteName, updateDetectionSettings } from '../../src/db/settings';
import { freshDbPerTest } from './support/fresh-db';

const db = freshDbPerTest('factmark-settings');

describe('detection settings', () => {
  it('default to on everywhere, marking fewer sentences, with built-in corrections on', async () => {
    expect(await detectionSettings(db(), 'news.example')).toEqual({
      enabled: true,
      global: true,
      site: null,
      sensitivity: 'fewer',
      builtIn: true,
    });
  });

  it('switch built-in corrections off for every site', async () => {
    await updateDetectionSettings(db(), { builtIn: false });
    expect(await detectionSettings(db(), 'news.example')).toMatchObject({ builtIn: false, enabled: true });
  });

  it('turn off for one site only, keyed by host name without www.', async () => {
    await updateDetectionSettings(db(), { host: 'www.News.example', site: false });
    expect(await detectionSettings(db(), 'news.example')).toMatchObject({
      enabled: false,
      global: true,
      site: false,
    });
    expect(await detectionSettings(db(), 'other.example')).toMatchObject({ enabled: true, site: null });
  });

  it('turn off everywhere with the global switch, except a site switched on by itself', async () => {
    await updateDetectionSettings(db(), { enabled: false });
    await updateDetectionSettings(db(), { host: 'kept.example', site: true });
    expect((await detectionSettings(db(), 'any.example')).enabled).toBe(false);
    expect((await detectionSettings(db(), 'kept.example')).enabled).toBe(true);
  });

  it('forget a site switch set back to the global value, so the site follows the global switch again', async () => {
    await updateDetectionSettings(db(), { host: 'news.example', site: false });
    const back = await updateDetectionSettings(db(), { host: 'news.example', site: true });
    expect(back).toMatchObject({ enabled: true, site: null });
    await updateDetectionSettings(db(), { enabled: false });
    expect((await detectionSettings(db(), 'news.example')).enabled).toBe(false);
  });

  it('keep the sensitivity, and answer the settings as they now apply to the named site', async () => {
    expect(await updateDetectionSettings(db(), { sensitivity: 'more', host: 'news.example' })).toEqual({
      enabled: true,
      global: true,
      site: null,
      sensitivity: 'more',
      builtIn: true,
    });
    expect((await detectionSettings(db())).sensitivity).toBe('more');
  });

  it('fall back to the defaults when a stored value is not one they understand', async () => {
    await db().settings.bulkPut([
      { key: 'detection.enabled', value: 'yes' },
      { key: 'detection.sensitivity', value: 'all' },
    ]);
    expect(await detectionSettings(db())).toMatchObject({ enabled: true, sensitivity: 'fewer' });
  });

  it('names a site by its host, lower-cased, without www. or a final dot', () => {
    expect(siteName('WWW.Example.COM.')).toBe('example.com');
    expect(siteName('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('database schema version 2', () => {
  it('opens a version 1 database in place, keeping its claims, and adds the settings table', async () => {
    // Its own name: an old database made by hand, not one of freshDbPerTest's.
    const name = 'factmark-upgrade';
    const old = new Dexie(name);
    old.version(1).stores({ claims: 'id, pageKey, canonicalKey, updated, *tags, verdict' });
    await old.table('claims').put({ id: 'a', pageKey: 'k', updated: 1, tags: [], verdict: 'false' });
    old.close();

    const upgraded = openDb(name);
    expect(await upgraded.claims.get('a')).toMatchObject({ pageKey: 'k' });
    expect(await detectionSettings(upgraded)).toMatchObject({ enabled: true });
    await upgraded.delete();
  });
});
