// A labelled progress bar: determinate when the total is known, else an indeterminate sweep
// (a compositor animation, so it keeps moving while the page is busy parsing a large file).
import { t } from '../core/i18n/translate';

export function ProgressBar({ label, done, total }: { label: string; done?: number; total?: number }) {
  const known = done !== undefined && total !== undefined && total > 0;
  const percent = known ? Math.round((Math.min(done, total) / total) * 100) : undefined;
  return (
    <div class="progress">
      <div class="progress-label">
        <span>{label}</span>
        {known && <span>{t('review_progress_count', { done, total })}</span>}
      </div>
      <div
        class={known ? 'progress-track' : 'progress-track indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== undefined ? { 'aria-valuenow': percent } : {})}
      >
        <div class="progress-fill" style={percent !== undefined ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
