// A file's size as a reader reads it in a message: "21.5 MB", in the messages' language.
import { messageLocale, t } from '../i18n/translate';

/** Megabytes of `chars` characters, to one decimal, without grouping (as "1024 MB" always read). */
export function megabytes(chars: number): string {
  const size = new Intl.NumberFormat(messageLocale(), {
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(Math.round((chars / (1024 * 1024)) * 10) / 10);
  return t('size_megabytes', { size });
}
