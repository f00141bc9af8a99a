import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from '../i18n';
import { parseDateText } from './dateText';

type PassedThrough = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'>;

interface DateInputProps extends PassedThrough {
  /** The form's value: an ISO calendar date (yyyy-mm-dd), or '' for none. */
  value: string | null | undefined;
  /**
   * Called as the person types: with the ISO date when the text reads as one,
   * '' when the field is emptied, and the text as typed when it reads as no
   * date (so the form holds a value its date schema refuses).
   */
  onChange(value: string): void;
  /** Called with the validation.invalidDate text (in the reader's language) when the text reads as no date, and undefined when it does. */
  onValidity?(error: string | undefined): void;
}

/**
 * A date field that shows the app's one date format ("2 Dec 2026" /
 * "2 ديسمبر 2026") and accepts it, ISO 2026-12-02 and day/month/year
 * 2/12/2026, with English or Arabic month names. It is a text input: the
 * browser's date picker shows mm/dd/yyyy to some readers, which this app
 * never does. Inside <Field> it takes the id and aria attributes Field gives.
 */
export function DateInput({ value, onChange, onValidity, onBlur, ...input }: DateInputProps) {
  const { t, date, language } = useTranslation();
  const iso = value ?? '';
  const [text, setText] = useState(() => (parseDateText(iso) === iso ? date(iso) : iso));
  // The value this input last reported; a different value comes from outside (a reset, a loaded record).
  const reported = useRef(iso);

  useEffect(() => {
    if (iso === reported.current) return;
    reported.current = iso;
    setText(parseDateText(iso) === iso ? date(iso) : iso);
  }, [iso, date]);

  // A new language shows the date in its own words.
  const shownIn = useRef(language);
  useEffect(() => {
    if (language === shownIn.current) return;
    shownIn.current = language;
    const parsed = parseDateText(text);
    if (parsed) setText(date(parsed));
  }, [language, text, date]);

  function update(next: string) {
    setText(next);
    const parsed = parseDateText(next);
    const emitted = parsed ?? next;
    reported.current = emitted;
    onChange(emitted);
    onValidity?.(parsed === null ? t('validation.invalidDate') : undefined);
  }

  return (
    <input
      {...input}
      type="text"
      inputMode="text"
      autoComplete="off"
      placeholder={input.placeholder ?? date('2026-12-02')}
      value={text}
      onChange={(event) => update(event.target.value)}
      onBlur={(event) => {
        const parsed = parseDateText(text);
        if (parsed) setText(date(parsed));
        onBlur?.(event);
      }}
    />
  );
}
