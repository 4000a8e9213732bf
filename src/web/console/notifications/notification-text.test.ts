import { describe, expect, it } from "vitest";
import type { Notification } from "../../../contracts/notifications";
import { translator } from "../../../i18n";
import { notificationLine } from "./notification-text";

const warning: Notification = {
  id: "0192f2a0-0000-7000-8000-000000000001",
  type: "sla_warning",
  metric: "first_response",
  ticket: { number: 1042, subject: "Erro ao gravar contato", companyName: "Metalúrgica Paulista" },
  actorName: null,
  createdAt: "2026-04-22T17:12:00.000Z",
  read: false,
};

describe("notificationLine", () => {
  it("says which deadline of which ticket, in pt-BR and English", () => {
    expect(notificationLine(warning, translator("pt-BR"))).toBe(
      "Vence em breve: primeira resposta — #1042 Erro ao gravar contato (Metalúrgica Paulista)",
    );
    expect(
      notificationLine({ ...warning, type: "sla_breach", metric: "resolution" }, translator("pt-BR")),
    ).toBe("Violado: solução — #1042 Erro ao gravar contato (Metalúrgica Paulista)");
    expect(notificationLine(warning, translator("en"))).toBe(
      "Due soon: first response — #1042 Erro ao gravar contato (Metalúrgica Paulista)",
    );
  });

  it("names who assigned or mentioned, when known", () => {
    const assigned: Notification = {
      ...warning,
      type: "ticket_assigned",
      metric: null,
      actorName: "Carlos Menezes",
    };
    expect(notificationLine(assigned, translator("pt-BR"))).toBe(
      "Carlos Menezes atribuiu esta ocorrência a você — #1042 Erro ao gravar contato (Metalúrgica Paulista)",
    );
    const mention: Notification = { ...assigned, type: "mention" };
    expect(notificationLine(mention, translator("en"))).toBe(
      "Carlos Menezes mentioned you in an internal note — #1042 Erro ao gravar contato (Metalúrgica Paulista)",
    );
    expect(notificationLine({ ...mention, actorName: null }, translator("pt-BR"))).toBe(
      "Você foi mencionado em uma nota interna — #1042 Erro ao gravar contato (Metalúrgica Paulista)",
    );
  });
});
