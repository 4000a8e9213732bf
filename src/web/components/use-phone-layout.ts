// True on narrow screens, where the header has room for the brand only and the rest moves into the menu.
import { useMediaQuery } from "@mantine/hooks";

/** Just below Mantine's `sm` breakpoint (48em), the width at which AppShell folds its navbar away. */
const PHONE_QUERY = "(max-width: 47.99em)";

export function usePhoneLayout(): boolean {
  // Read on the first render: the app only renders in a browser, and a layout flash would be visible.
  return useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
}
