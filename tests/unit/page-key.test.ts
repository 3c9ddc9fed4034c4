import { describe, expect, it } from 'vitest';
import { claimPageKeys, concernsPage, pageKey, pageKeys } from '../../src/core/url/page-key';
import { isWebUrl } from '../../src/core/url/web-address';

describe('pageKey', () => {
  const article = 'https://www.example.com/news/2024/kremlin-messaging';

  it('ignores the fragment', () => {
    expect(pageKey(`${article}#comments`)).toBe(pageKey(article));
  });

  it('ignores tracking parameters (utm_*, fbclid, gclid, …)', () => {
    expect(pageKey(`${article}?utm_source=twitter&utm_medium=social&fbclid=abc&gclid=x`)).toBe(
      pageKey(article),
    );
  });

  it('keeps parameters that choose the article, in any order', () => {
    const a = pageKey('https://example.com/view?id=42&page=2&utm_campaign=x');
    const b = pageKey('https://example.com/view?page=2&id=42');
    expect(a).toBe(b);
    expect(a).not.toBe(pageKey('https://example.com/view?id=43&page=2'));
  });

  it('treats http and https, www. and letter case of the host, and a trailing slash as the same page', () => {
    expect(pageKey('http://WWW.Example.com/a/')).toBe(pageKey('https://example.com/a'));
  });

  it('keeps the port, since another port may be another site', () => {
    expect(pageKey('http://127.0.0.1:8080/a')).not.toBe(pageKey('http://127.0.0.1:9090/a'));
  });

  it('returns null for text that is not a URL', () => {
    expect(pageKey('not a url')).toBeNull();
  });

  it('lists the page URL and its canonical URL once each', () => {
    expect(pageKeys(`${article}?utm_source=x`, article)).toEqual([pageKey(article)]);
    expect(pageKeys('https://m.example.com/a', 'https://example.com/a')).toHaveLength(2);
  });
});

describe('isWebUrl', () => {
  it('accepts http and https only', () => {
    expect(isWebUrl('https://ec.europa.eu/dsa')).toBe(true);
    expect(isWebUrl('http://example.com')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('data:text/html,<b>x</b>')).toBe(false);
    expect(isWebUrl('ec.europa.eu')).toBe(false);
  });
});

describe('which pages a claim change concerns', () => {
  const keys = claimPageKeys({ pageKey: 'news.example/story', canonicalKey: 'news.example/s/1' });

  it("names a claim's page and its canonical page", () => {
    expect(keys).toEqual(['news.example/story', 'news.example/s/1']);
    expect(claimPageKeys({ pageKey: 'news.example/story' })).toEqual(['news.example/story']);
  });

  it('concerns the page under either key, however its address is written, and no other page', () => {
    expect(concernsPage(keys, 'http://www.news.example/story/?utm_source=feed#top')).toBe(true);
    expect(concernsPage(keys, 'https://news.example/amp/story', 'https://news.example/s/1')).toBe(true);
    expect(concernsPage(keys, 'https://news.example/other-story')).toBe(false);
    expect(concernsPage(keys, 'https://elsewhere.example/story')).toBe(false);
  });

  it('concerns every page when no keys are given (rules, settings, lists changed)', () => {
    expect(concernsPage(undefined, 'https://elsewhere.example/')).toBe(true);
  });
});
