// The app's providers, outermost first: Mantine (look, notifications), data cache, language, router.
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router";
import { LiveEventsProvider } from "./api/live";
import { createQueryClient } from "./api/query-client";
import { I18nProvider } from "./i18n/i18n";
import { createAppRouter } from "./routes";
import { theme } from "./theme";

const queryClient = createQueryClient();
const router = createAppRouter();

export function App() {
  return (
    // Light only until dark styles are designed; forcing it also leaves no flash to hide with an inline script.
    <MantineProvider theme={theme} forceColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <LiveEventsProvider>
            <RouterProvider router={router} />
          </LiveEventsProvider>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
