// Reads a picked file as text, reporting how much is read so a large file's progress can show.
// FileReader, not Blob.text(): only it tells how far it got.
import { t } from '../core/i18n/translate';

export function readFileText(
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(t('popup_file_unreadable')));
    reader.readAsText(file);
  });
}
