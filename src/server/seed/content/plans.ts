// The demo's support plans and their business calendar: a realistic table for an ERP vendor.
import type { CalendarRequest, PlanRequest } from "../../../contracts/sla";

const H = 60;

export const demoCalendar: CalendarRequest = {
  name: "Horário comercial — São Paulo",
  timeZone: "America/Sao_Paulo",
  weeklyHours: {
    mon: [
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ],
    tue: [
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ],
    wed: [
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ],
    thu: [
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ],
    fri: [
      ["08:00", "12:00"],
      ["13:00", "18:00"],
    ],
    sat: [],
    sun: [],
  },
  holidays: { country: "BR", state: "SP" },
  closedDates: ["2026-12-24", "2026-12-31"],
  openDates: [],
};

type DemoPlan = Omit<PlanRequest, "calendarId">;
const target = (firstResponse: number, resolution: number, businessHours = true) => ({
  firstResponseMinutes: firstResponse,
  nextResponseMinutes: firstResponse,
  resolutionMinutes: resolution,
  businessHours,
});

export const demoPlans: DemoPlan[] = [
  {
    name: "Básico",
    description: "Suporte pelo portal e por e-mail em horário comercial.",
    services: {
      portal: true,
      phone: false,
      email: true,
      remoteConsultancy: false,
      onSiteConsultancy: false,
      consultancyHoursPerMonth: 0,
    },
    targets: {
      low: target(16 * H, 80 * H),
      normal: target(8 * H, 40 * H),
      high: target(4 * H, 24 * H),
      urgent: target(2 * H, 16 * H),
    },
  },
  {
    name: "Profissional",
    description: "Portal, telefone e e-mail, com 4 horas de consultoria remota por mês.",
    services: {
      portal: true,
      phone: true,
      email: true,
      remoteConsultancy: true,
      onSiteConsultancy: false,
      consultancyHoursPerMonth: 4,
    },
    targets: {
      low: target(8 * H, 40 * H),
      normal: target(4 * H, 24 * H),
      high: target(2 * H, 16 * H),
      urgent: target(1 * H, 8 * H),
    },
  },
  {
    name: "Premium",
    description: "Todos os canais, consultoria remota e presencial (10 horas por mês) e urgências 24x7.",
    services: {
      portal: true,
      phone: true,
      email: true,
      remoteConsultancy: true,
      onSiteConsultancy: true,
      consultancyHoursPerMonth: 10,
    },
    targets: {
      low: target(4 * H, 24 * H),
      normal: target(2 * H, 16 * H),
      high: target(1 * H, 8 * H),
      urgent: target(30, 4 * H, false),
    },
  },
];

/** Which plan each demo company (by index in demoCompanies) has. */
export const demoCompanyPlans = ["Profissional", "Premium", "Básico"] as const;
