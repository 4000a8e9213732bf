// A day typed as dd/mm/aaaa (whatever the browser's own language, unlike a native date input): the
// value is an ISO date, passed on as soon as what is typed is a whole date; emptied, it is "".
import { TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { isoDateToText } from "./billing/hours";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "25/1/2026" → "2026-01-25"; undefined when the text is not a whole date. */
export function dateFromText(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [, day = "", month = "", year = ""] = match;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const parsed = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export function DateField({
  label,
  value,
  onChange,
  error,
  w = 150,
}: {
  label: string;
  /** An ISO date, or "" for none. */
  value: string;
  onChange: (isoDate: string) => void;
  error?: string | undefined;
  w?: number;
}) {
  const { t } = useI18n();
  const shown = ISO_DATE.test(value) ? isoDateToText(value) : "";
  const [text, setText] = useState(shown);
  // A value chosen elsewhere (a preset period, a cleared filter) replaces what was typed.
  useEffect(() => {
    setText((typed) => ((dateFromText(typed) ?? "") === value ? typed : shown));
  }, [value, shown]);
  const unreadable = text.trim() !== "" && dateFromText(text) === undefined;
  return (
    <TextInput
      label={label}
      placeholder={t("calendarHolidays.datePlaceholder")}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        if (typed.trim() === "") onChange("");
        const date = dateFromText(typed);
        if (date) onChange(date);
      }}
      error={error ?? (unreadable ? t("kb.unanswered.dateFormat") : undefined)}
      inputMode="numeric"
      w={w}
    />
  );
}
