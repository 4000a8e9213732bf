// What each e-mail says, in pt-BR and in English, in the portal's voice. Server-only: the web app
// never ships these. Each writer returns the layout's parts (render.ts), never HTML.
import type { Locale } from "../../contracts/common";
import type { EmailPurpose } from "../../contracts/outbox";
import type { EmailParts } from "./render";

/** What a ticket e-mail may tell: the writer uses what its purpose needs. */
export interface TicketMailFacts {
  brand: string;
  product: string;
  signature: string;
  recipientFirstName: string;
  number: number;
  subject: string;
  companyName: string;
  statusLabel: string;
  url: string;
  /** Whoever did it ("Juliana Prado", "Bruno Carvalho"). */
  actorName: string | null;
  quote?: { html: string; text: string } | undefined;
  /** Deadlines as the reader writes dates: [label, "22/04/2026 17:00"]. */
  deadlines?: readonly (readonly [string, string])[] | undefined;
  reopenDays?: number | undefined;
  mergedIntoNumber?: number | undefined;
  metricLabel?: string | undefined;
  estimateHours?: string | undefined;
  /** Whether answering the e-mail posts a reply (a signed reply address and inbound mail are set up). */
  replyByEmail: boolean;
  /** Where the recipient turns these e-mails off (optional ones only). */
  preferencesUrl: string | undefined;
}

export type TicketPurpose = Extract<
  EmailPurpose,
  | "ticket_opened"
  | "ticket_reply"
  | "ticket_waiting_customer"
  | "ticket_resolved"
  | "ticket_merged"
  | "estimate_pending"
  | "staff_customer_reply"
  | "staff_new_ticket"
  | "staff_assigned"
  | "staff_mentioned"
  | "staff_sla_warning"
  | "staff_sla_breach"
>;

type Words = {
  hello: (name: string) => string;
  number: string;
  status: string;
  company: string;
  open: string;
  openConsole: string;
  footer: (brand: string) => string;
  optOut: (url: string) => string;
  says: (name: string) => string;
  subjects: Record<TicketPurpose, (f: TicketMailFacts) => string>;
  bodies: Record<TicketPurpose, (f: TicketMailFacts) => string[]>;
};

const tag = (f: TicketMailFacts) => `[#${f.number}] ${f.subject}`;

const PT: Words = {
  hello: (name) => `Olá, ${name}.`,
  number: "Ocorrência",
  status: "Situação",
  company: "Empresa",
  open: "Abrir a ocorrência",
  openConsole: "Abrir no console",
  footer: (brand) => `Você recebe este e-mail porque tem acesso à Extranet ${brand}.`,
  optOut: (url) => `Para escolher quais e-mails receber, acesse Meu perfil: ${url}`,
  says: (name) => `${name} escreveu`,
  subjects: {
    ticket_opened: (f) => `${tag(f)} — ocorrência registrada`,
    ticket_reply: (f) => `${tag(f)} — nova resposta do suporte`,
    ticket_waiting_customer: (f) => `${tag(f)} — aguardando você`,
    ticket_resolved: (f) => `${tag(f)} — finalizada`,
    ticket_merged: (f) => `${tag(f)} — mesclada na ocorrência #${f.mergedIntoNumber}`,
    estimate_pending: (f) => `${tag(f)} — orçamento de consultoria para aprovar`,
    staff_customer_reply: (f) => `${tag(f)} — resposta do cliente`,
    staff_new_ticket: (f) => `${tag(f)} — nova ocorrência de ${f.companyName}`,
    staff_assigned: (f) => `${tag(f)} — atribuída a você`,
    staff_mentioned: (f) => `${tag(f)} — você foi mencionado`,
    staff_sla_warning: (f) => `${tag(f)} — prazo vence em breve`,
    staff_sla_breach: (f) => `${tag(f)} — prazo violado`,
  },
  bodies: {
    ticket_opened: (f) => [
      `Recebemos a sua ocorrência #${f.number}, "${f.subject}". A equipe de suporte ${f.brand} já foi avisada e responderá dentro dos prazos do seu plano.`,
      f.replyByEmail
        ? "Você pode acompanhar o andamento e responder pela Extranet ou respondendo a este e-mail."
        : "Você pode acompanhar o andamento e responder pela Extranet.",
    ],
    ticket_reply: (f) => [
      `${f.actorName ?? "A equipe de suporte"} respondeu à ocorrência #${f.number}.`,
      f.replyByEmail
        ? "Para responder, use a Extranet ou responda a este e-mail."
        : "Para responder, use a Extranet.",
    ],
    ticket_waiting_customer: (f) => [
      `A ocorrência #${f.number} aguarda uma resposta sua para continuar. Enquanto isso, os prazos do SLA ficam pausados.`,
      f.replyByEmail ? "Responda pela Extranet ou respondendo a este e-mail." : "Responda pela Extranet.",
    ],
    ticket_resolved: (f) => [
      `A ocorrência #${f.number} foi finalizada.`,
      f.reopenDays
        ? `Se o problema continuar, basta responder em até ${f.reopenDays} ${f.reopenDays === 1 ? "dia" : "dias"}: a ocorrência será reaberta.`
        : "Se o problema continuar, abra uma nova ocorrência pela Extranet.",
    ],
    ticket_merged: (f) => [
      `A ocorrência #${f.number} tratava do mesmo assunto que a #${f.mergedIntoNumber} e foi mesclada nela. O atendimento continua na #${f.mergedIntoNumber}.`,
    ],
    estimate_pending: (f) => [
      `A equipe de suporte enviou um orçamento de consultoria${f.estimateHours ? ` de ${f.estimateHours}` : ""} para a ocorrência #${f.number}, que depende da aprovação de um administrador da ${f.companyName}.`,
      "Consultoria é a análise da situação específica da sua empresa e é cobrada à parte, conforme o seu plano.",
    ],
    staff_customer_reply: (f) => [
      `${f.actorName ?? "O cliente"} (${f.companyName}) respondeu à ocorrência #${f.number}.`,
    ],
    staff_new_ticket: (f) => [
      `${f.actorName ?? "Um cliente"} (${f.companyName}) abriu a ocorrência #${f.number}.`,
    ],
    staff_assigned: (f) => [
      `${f.actorName ?? "Alguém da equipe"} atribuiu a você a ocorrência #${f.number} de ${f.companyName}.`,
    ],
    staff_mentioned: (f) => [
      `${f.actorName ?? "Alguém da equipe"} mencionou você numa nota interna da ocorrência #${f.number}.`,
    ],
    staff_sla_warning: (f) => [
      `O prazo de ${f.metricLabel ?? "atendimento"} da ocorrência #${f.number} (${f.companyName}) vence em breve.`,
    ],
    staff_sla_breach: (f) => [
      `O prazo de ${f.metricLabel ?? "atendimento"} da ocorrência #${f.number} (${f.companyName}) foi violado.`,
    ],
  },
};

const EN: Words = {
  hello: (name) => `Hello, ${name}.`,
  number: "Ticket",
  status: "Status",
  company: "Company",
  open: "Open the ticket",
  openConsole: "Open in the console",
  footer: (brand) => `You receive this e-mail because you have access to the ${brand} Extranet.`,
  optOut: (url) => `To choose which e-mails you get, go to My profile: ${url}`,
  says: (name) => `${name} wrote`,
  subjects: {
    ticket_opened: (f) => `${tag(f)} — ticket received`,
    ticket_reply: (f) => `${tag(f)} — new reply from support`,
    ticket_waiting_customer: (f) => `${tag(f)} — waiting for you`,
    ticket_resolved: (f) => `${tag(f)} — resolved`,
    ticket_merged: (f) => `${tag(f)} — merged into ticket #${f.mergedIntoNumber}`,
    estimate_pending: (f) => `${tag(f)} — consultancy estimate awaiting approval`,
    staff_customer_reply: (f) => `${tag(f)} — customer replied`,
    staff_new_ticket: (f) => `${tag(f)} — new ticket from ${f.companyName}`,
    staff_assigned: (f) => `${tag(f)} — assigned to you`,
    staff_mentioned: (f) => `${tag(f)} — you were mentioned`,
    staff_sla_warning: (f) => `${tag(f)} — deadline due soon`,
    staff_sla_breach: (f) => `${tag(f)} — deadline breached`,
  },
  bodies: {
    ticket_opened: (f) => [
      `We received your ticket #${f.number}, "${f.subject}". The ${f.brand} support team has been told and will answer within your plan's deadlines.`,
      f.replyByEmail
        ? "Follow it and reply in the Extranet, or by replying to this e-mail."
        : "Follow it and reply in the Extranet.",
    ],
    ticket_reply: (f) => [
      `${f.actorName ?? "The support team"} replied to ticket #${f.number}.`,
      f.replyByEmail
        ? "To answer, use the Extranet or reply to this e-mail."
        : "To answer, use the Extranet.",
    ],
    ticket_waiting_customer: (f) => [
      `Ticket #${f.number} needs your answer to go on. Meanwhile its SLA deadlines are paused.`,
      f.replyByEmail ? "Answer in the Extranet or by replying to this e-mail." : "Answer in the Extranet.",
    ],
    ticket_resolved: (f) => [
      `Ticket #${f.number} has been resolved.`,
      f.reopenDays
        ? `If the problem persists, just reply within ${f.reopenDays} ${f.reopenDays === 1 ? "day" : "days"}: the ticket will be reopened.`
        : "If the problem persists, open a new ticket in the Extranet.",
    ],
    ticket_merged: (f) => [
      `Ticket #${f.number} was about the same matter as #${f.mergedIntoNumber} and was merged into it. The work goes on in #${f.mergedIntoNumber}.`,
    ],
    estimate_pending: (f) => [
      `The support team sent a consultancy estimate${f.estimateHours ? ` of ${f.estimateHours}` : ""} for ticket #${f.number}, which needs the approval of an admin of ${f.companyName}.`,
      "Consultancy is the analysis of your company's own situation and is billed separately, as your plan states.",
    ],
    staff_customer_reply: (f) => [
      `${f.actorName ?? "The customer"} (${f.companyName}) replied to ticket #${f.number}.`,
    ],
    staff_new_ticket: (f) => [
      `${f.actorName ?? "A customer"} (${f.companyName}) opened ticket #${f.number}.`,
    ],
    staff_assigned: (f) => [
      `${f.actorName ?? "A colleague"} assigned ticket #${f.number} of ${f.companyName} to you.`,
    ],
    staff_mentioned: (f) => [
      `${f.actorName ?? "A colleague"} mentioned you in an internal note on ticket #${f.number}.`,
    ],
    staff_sla_warning: (f) => [
      `The ${f.metricLabel ?? "service"} deadline of ticket #${f.number} (${f.companyName}) is due soon.`,
    ],
    staff_sla_breach: (f) => [
      `The ${f.metricLabel ?? "service"} deadline of ticket #${f.number} (${f.companyName}) was breached.`,
    ],
  },
};

const WORDS: Record<Locale, Words> = { "pt-BR": PT, en: EN };

const STAFF_PURPOSES = new Set<TicketPurpose>([
  "staff_customer_reply",
  "staff_new_ticket",
  "staff_assigned",
  "staff_mentioned",
  "staff_sla_warning",
  "staff_sla_breach",
]);

export function ticketEmailParts(locale: Locale, purpose: TicketPurpose, f: TicketMailFacts): EmailParts {
  const w = WORDS[locale];
  const facts: [string, string][] = [
    [w.number, `#${f.number}`],
    [w.status, f.statusLabel],
  ];
  if (STAFF_PURPOSES.has(purpose)) facts.push([w.company, f.companyName]);
  for (const deadline of f.deadlines ?? []) facts.push([deadline[0], deadline[1]]);
  return {
    subject: w.subjects[purpose](f),
    greeting: w.hello(f.recipientFirstName),
    paragraphs: w.bodies[purpose](f),
    quote: f.quote ? { by: w.says(f.actorName ?? f.brand), ...f.quote } : undefined,
    facts,
    action: { label: STAFF_PURPOSES.has(purpose) ? w.openConsole : w.open, url: f.url },
    signature: f.signature,
    footer: [w.footer(f.brand), ...(f.preferencesUrl ? [w.optOut(f.preferencesUrl)] : [])],
  };
}
