// The ticket page's billing side for staff, side by side under the reply box: classification and
// hours estimates ("Consultoria"), and the time logged ("Tempo").
import { SimpleGrid } from "@mantine/core";
import type { Ticket } from "../../../contracts/tickets";
import { ConsultancyPanel } from "./ConsultancyPanel";
import { TimePanel } from "./TimePanel";

export function BillingPanels({ ticket }: { ticket: Ticket }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <ConsultancyPanel ticket={ticket} />
      <TimePanel ticket={ticket} />
    </SimpleGrid>
  );
}
