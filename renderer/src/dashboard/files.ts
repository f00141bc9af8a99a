import type { MethodOutput } from '../../../shared/contract';
import { message } from '../../../shared/i18n/message';
import { useUiStore } from '../store';
import { saveFile } from '../sync/bundleTransfer';

type File = MethodOutput<'dashboard.brief'>;

/** The desktop app already saved it through its Save dialog; a browser downloads it. */
export function deliverFile(file: File): void {
  if (file.savedWithDialog) {
    if (file.savedTo) useUiStore.getState().showInfo(message('dashboard.brief.exported', { file: `\u2068${file.savedTo}\u2069` }));
    return;
  }
  saveFile(new Blob([file.bytes] as BlobPart[], { type: file.mediaType }), file.fileName);
  useUiStore.getState().showInfo(message('dashboard.brief.exported', { file: `\u2068${file.fileName}\u2069` }));
}
