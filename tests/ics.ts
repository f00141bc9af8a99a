/**
 * A minimal iCalendar (RFC 5545) reader for tests, written from the RFC and independent of shared/calendar/ics.ts:
 * it checks the physical form (CRLF only, every line at most 75 octets and whole UTF-8 characters), unfolds, and
 * reads each content line's name, parameters and value, unescaping TEXT values.
 */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  /** Raw value (escapes kept). */
  raw: string;
}
export interface IcsEvent {
  [name: string]: IcsProperty | undefined;
}
export interface ParsedIcs {
  calendar: Record<string, IcsProperty>;
  events: IcsEvent[];
  /** The physical lines as bytes, before unfolding. */
  physicalLines: Uint8Array[];
  folded: number;
}

export function unescapeText(raw: string): string {
  return raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const CR = 0x0d;
const LF = 0x0a;

/** Splits on CRLF; a lone CR or LF anywhere is an error. */
function physicalLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === CR) {
      if (bytes[i + 1] !== LF) throw new Error(`bare CR at byte ${i}`);
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    } else if (bytes[i] === LF) throw new Error(`bare LF at byte ${i}`);
  }
  if (start !== bytes.length) throw new Error('the last line does not end with CRLF');
  return lines;
}

export function parseIcs(bytes: Uint8Array): ParsedIcs {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const raw = physicalLines(bytes);
  const logical: string[] = [];
  let folded = 0;
  for (const [index, line] of raw.entries()) {
    if (line.length > 75) throw new Error(`line ${index + 1} has ${line.length} octets`);
    // fatal: a line that starts or ends inside a multi-byte character does not decode.
    const text = decoder.decode(line);
    if (text.startsWith(' ') || text.startsWith('\t')) {
      if (!logical.length) throw new Error('continuation before any line');
      logical[logical.length - 1] += text.slice(1);
      folded++;
    } else logical.push(text);
  }
  const calendar: Record<string, IcsProperty> = {};
  const events: IcsEvent[] = [];
  const stack: string[] = [];
  let event: IcsEvent | null = null;
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`no value in ${line}`);
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const params = Object.fromEntries(paramParts.map((part) => part.split('=') as [string, string]));
    const property: IcsProperty = { name: name!.toUpperCase(), params, raw: line.slice(colon + 1) };
    if (property.name === 'BEGIN') {
      stack.push(property.raw);
      if (property.raw === 'VEVENT') event = {};
    } else if (property.name === 'END') {
      if (stack.pop() !== property.raw) throw new Error(`END:${property.raw} does not close what was begun`);
      if (property.raw === 'VEVENT') {
        events.push(event!);
        event = null;
      }
    } else if (event) {
      if (event[property.name]) throw new Error(`${property.name} twice in one event`);
      event[property.name] = property;
    } else if (stack.at(-1) === 'VCALENDAR') calendar[property.name] = property;
    else throw new Error(`${property.name} outside VCALENDAR`);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(', ')}`);
  return { calendar, events, physicalLines: raw, folded };
}

/** An event's TEXT property, unescaped. */
export const textOf = (event: IcsEvent, name: string): string => unescapeText(event[name]?.raw ?? '');
