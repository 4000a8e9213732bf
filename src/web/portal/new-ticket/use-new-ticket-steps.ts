// Where the customer is in "Abertura de ocorrência", kept in the address so "back" walks the steps:
// no category → categories; ?category= → its answers; &step=form (or a related ticket) → the form.
// An ERP link ("Suporte UNO ERP") adds &screen= and &record=: the form starts with them filled in.
import { useSearchParams } from "react-router";

export type NewTicketStep = "category" | "faq" | "form";

export interface NewTicketSteps {
  step: NewTicketStep;
  categoryId: string | null;
  /** The finalizada ticket this one follows up (?related=1042). */
  relatedTicketNumber: number | null;
  /** What the ERP link said the user was looking at: the screen code and the example record. */
  prefill: { screen: string | null; record: string | null };
  pickCategory: (categoryId: string) => void;
  showForm: () => void;
  goTo: (step: NewTicketStep) => void;
  /** Back to the categories with nothing kept (after a ticket is opened). */
  startOver: () => void;
}

export function useNewTicketSteps(): NewTicketSteps {
  const [params, setParams] = useSearchParams();
  const categoryId = params.get("category");
  const relatedTicketNumber = positiveInteger(params.get("related"));
  const step: NewTicketStep = !categoryId
    ? "category"
    : params.get("step") === "form" || relatedTicketNumber !== null
      ? "form"
      : "faq";

  const keep = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) next.delete(name);
        else next.set(name, value);
      }
      return next;
    });

  return {
    step,
    categoryId,
    relatedTicketNumber,
    prefill: { screen: params.get("screen"), record: params.get("record") },
    pickCategory: (id) => keep({ category: id, step: null }),
    showForm: () => keep({ step: "form" }),
    goTo: (target) => {
      if (target === "category") keep({ category: null, step: null, related: null });
      else if (target === "faq") keep({ step: null, related: null });
      else keep({ step: "form" });
    },
    startOver: () => keep({ category: null, step: null, related: null, screen: null, record: null }),
  };
}

function positiveInteger(text: string | null): number | null {
  if (text === null || !/^\d{1,10}$/.test(text)) return null;
  const number = Number(text);
  return number > 0 ? number : null;
}
