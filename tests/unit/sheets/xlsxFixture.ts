import { zipSync, strToU8 } from 'fflate';

/** A minimal workbook written by hand, part by part, for the reader's tests (no writer of ours involved). */
export interface FixtureSheet {
  name: string;
  hidden?: boolean;
  /** The <sheetData> inner XML and anything after it (mergeCells). */
  xml: string;
}

export function workbook(sheets: FixtureSheet[], options: { sharedStrings?: string[]; styles?: string; extra?: Record<string, Uint8Array> } = {}): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${sheets
        .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
    ...Object.fromEntries(sheets.map((sheet, i) => [`xl/worksheets/sheet${i + 1}.xml`, strToU8(sheet.xml.startsWith('<?xml') || sheet.xml.startsWith('<!') ? sheet.xml : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}">${sheet.xml}</worksheet>`)])),
    ...options.extra,
  };
  if (options.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${options.sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  if (options.styles) files['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}">${options.styles}</styleSheet>`);
  return zipSync(files);
}
