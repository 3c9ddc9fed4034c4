import { describe, expect, it } from 'vitest';
import { FrameReports } from '../../src/content/frame-reports';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const CHART = 'https://news.example/embed/chart.html';
const VIDEO = 'https://news.example/embed/video.html';

describe('what the top frame counts from its frames', () => {
  it('counts the claims every present frame found, once each', () => {
    const reports = new FrameReports();
    reports.record(3, CHART, [A]);
    reports.record(5, VIDEO, [A, B]);
    expect(reports.found(new Set([CHART, VIDEO]))).toEqual(new Set([A, B]));
  });

  it('takes a frame’s latest report over its earlier one', () => {
    const reports = new FrameReports();
    reports.record(3, CHART, [A, B]);
    reports.record(3, CHART, [B]);
    expect(reports.found(new Set([CHART]))).toEqual(new Set([B]));
  });

  it('forgets a frame that found nothing any more, went away, or now shows another page', () => {
    const reports = new FrameReports();
    reports.record(3, CHART, [A]);
    reports.record(3, CHART, []);
    expect(reports.found(new Set([CHART]))).toEqual(new Set());
    reports.record(5, VIDEO, [B]);
    expect(reports.found(new Set([CHART]))).toEqual(new Set());
    // Gone for good: the same address coming back in another frame is not that frame's report.
    expect(reports.found(new Set([VIDEO]))).toEqual(new Set());
  });
});
