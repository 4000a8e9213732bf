// The demo's people and companies: an ERP vendor's support desk and three of its customers.
import { withCheckDigits } from "../../contracts/cnpj";
import type { Role } from "../../contracts/common";
import type { CreateCompanyRequest } from "../../contracts/companies";

export const DEMO_PASSWORD = "extranet-demo";

export interface DemoCompany {
  name: string;
  cnpj: string;
  state: CreateCompanyRequest["state"];
  city: string;
  users: { name: string; email: string; role: Role }[];
}

export const demoStaff: { name: string; email: string; role: Role }[] = [
  { name: "Renata Albuquerque", email: "renata.albuquerque@uno.com.br", role: "admin" },
  { name: "Carlos Menezes", email: "carlos.menezes@uno.com.br", role: "supervisor" },
  { name: "Juliana Prado", email: "juliana.prado@uno.com.br", role: "agent" },
  { name: "Marcos Teixeira", email: "marcos.teixeira@uno.com.br", role: "agent" },
];

export const demoCompanies: DemoCompany[] = [
  {
    name: "Distribuidora Paulista de Alimentos Ltda",
    cnpj: withCheckDigits("112223330001"),
    state: "SP",
    city: "Campinas",
    users: [
      { name: "Bruno Carvalho", email: "bruno.carvalho@paulistaalimentos.com.br", role: "customer_admin" },
      { name: "Fernanda Lima", email: "fernanda.lima@paulistaalimentos.com.br", role: "customer" },
    ],
  },
  {
    name: "Metalúrgica Vale do Aço S.A.",
    cnpj: withCheckDigits("345678900001"),
    state: "MG",
    city: "Ipatinga",
    users: [
      { name: "Ana Beatriz Rocha", email: "ana.rocha@valedoaco.ind.br", role: "customer_admin" },
      { name: "Paulo Henrique Souza", email: "paulo.souza@valedoaco.ind.br", role: "customer" },
    ],
  },
  {
    name: "Têxtil Serra Gaúcha Ltda",
    cnpj: withCheckDigits("273849560001"),
    state: "RS",
    city: "Caxias do Sul",
    users: [
      { name: "Luciana Bertolini", email: "luciana.bertolini@serragaucha.com.br", role: "customer_admin" },
      { name: "Rafael Zanella", email: "rafael.zanella@serragaucha.com.br", role: "customer" },
    ],
  },
];
