import { briefContent, communiqueContent } from '../../../db/repositories/brief';
import type { Store } from '../../../db/store';
import { renderBriefDocx } from './briefDocx';
import { renderBriefPdf } from './briefPdf';
import { renderCommuniqueDocx, renderCommuniquePdf } from './communique';
import type { DocLanguage } from './text';

/** The brief for resource managers and the formal communique, from the records to a file's bytes (PDF or DOCX). */

export { renderBriefDocx, renderBriefPdf, renderCommuniqueDocx, renderCommuniquePdf };

export interface DocumentFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const MEDIA = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'document';

export async function exportBrief(store: Store, marking: string, input: { deadlineId: string; partnerId?: string; format: 'pdf' | 'docx'; lang: DocLanguage; today: string }): Promise<DocumentFile> {
  const content = briefContent(store, input.deadlineId, input.today, input.partnerId);
  const bytes = input.format === 'pdf' ? await renderBriefPdf(content, input.lang, marking) : await renderBriefDocx(content, input.lang, marking);
  return { fileName: `brief-${slug(content.deadline.name)}-${input.lang}.${input.format}`, mediaType: MEDIA[input.format], bytes };
}

export async function exportCommunique(store: Store, marking: string, input: { source: { meetingId: string } | { checkInId: string }; format: 'pdf' | 'docx'; lang: DocLanguage; today: string; from: string }): Promise<DocumentFile> {
  const content = communiqueContent(store, input.source);
  const bytes = input.format === 'pdf' ? await renderCommuniquePdf(content, input.lang, marking, input.from, input.today) : await renderCommuniqueDocx(content, input.lang, marking, input.from, input.today);
  return { fileName: `communique-${slug(content.title)}-${input.lang}.${input.format}`, mediaType: MEDIA[input.format], bytes };
}
