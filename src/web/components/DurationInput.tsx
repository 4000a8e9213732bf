// A duration typed as people say it ("4 h", "1 h 30 min"), kept as minutes for the API; what cannot be
// read says so under the field at once, and the text is tidied ("1h30" → "1 h 30 min") on leaving it.
import { TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { formatDuration, parseDuration } from "./duration";

export function DurationInput({
  value,
  onChange,
  label,
  "aria-label": ariaLabel,
  error,
  miw = 110,
}: {
  /** Minutes. */
  value: number;
  /** Minutes, or null while the text is not a duration. */
  onChange: (minutes: number | null) => void;
  label?: string;
  "aria-label"?: string;
  /** The server's message for this field, if any. */
  error?: string | undefined;
  miw?: number;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => formatDuration(value, t));
  // Another value from outside (a reset, a different plan): show it.
  useEffect(() => {
    setText((current) => (parseDuration(current) === value ? current : formatDuration(value, t)));
  }, [value, t]);
  const parsed = parseDuration(text);

  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      value={text}
      miw={miw}
      placeholder={t("duration.placeholder")}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onChange(parseDuration(next));
      }}
      onBlur={() => {
        if (parsed !== null) setText(formatDuration(parsed, t));
      }}
      error={parsed === null ? t("duration.invalid") : error}
    />
  );
}
