// "Tela do ERP": type a code or words of the name, pick "ATW0001 – Atendimento ao Cliente" from the catalog.
import { Autocomplete, type ComboboxItem, type ComboboxParsedItem, Group, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDeviceDesktop } from "@tabler/icons-react";
import type { Screen } from "../../../contracts/screens";
import { useScreens } from "../../api/screens";
import { useI18n } from "../../i18n/i18n";
import { screenCodeOf } from "./ticket-draft";

const SEARCH_DEBOUNCE_MS = 200;

interface ScreenFieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

export function ScreenField({ value, onChange, error }: ScreenFieldProps) {
  const { t } = useI18n();
  // A picked screen shows "CODE – name": search by its code, not by the whole label.
  const [q] = useDebouncedValue(screenCodeOf(value) ?? value.trim(), SEARCH_DEBOUNCE_MS);
  const screens = useScreens(q);
  const found = screens.data?.items ?? [];
  const byCode = new Map(found.map((screen) => [screen.code, screen]));
  const nothingFound = q !== "" && screens.isSuccess && !screens.isPlaceholderData && found.length === 0;

  return (
    <Autocomplete
      label={t("ticket.field.screen")}
      placeholder={t("newTicket.screenPlaceholder")}
      leftSection={<IconDeviceDesktop size={16} aria-hidden />}
      withAsterisk
      value={value}
      onChange={onChange}
      data={found.map(optionOf)}
      // The server already matched codes and names, accents and all.
      filter={keepAll}
      limit={10}
      error={error}
      description={nothingFound ? t("newTicket.screenNone") : undefined}
      inputWrapperOrder={["label", "input", "description", "error"]}
      renderOption={({ option }) => <ScreenOption screen={byCode.get(option.value)} />}
    />
  );
}

function optionOf(screen: Screen): ComboboxItem {
  return { value: screen.code, label: `${screen.code} – ${screen.name}` };
}

function keepAll({ options }: { options: ComboboxParsedItem[] }): ComboboxParsedItem[] {
  return options;
}

function ScreenOption({ screen }: { screen: Screen | undefined }) {
  if (!screen) return null;
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap" w="100%">
      <Text fz="sm">
        <Text span ff="monospace" fw={600} fz="sm">
          {screen.code}
        </Text>{" "}
        – {screen.name}
      </Text>
      <Text fz="xs" c="dimmed">
        {screen.module}
      </Text>
    </Group>
  );
}
