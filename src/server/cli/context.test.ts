import { describe, expect, it } from "vitest";
import { CreateCompanyRequest } from "../../contracts/companies";
import { ValidationError } from "../errors";
import { parseWith } from "./context";

describe("parseWith (the CLI's contract parser)", () => {
  const company = { name: "Acme Ltda", cnpj: "11.222.333/0001-81", state: "SP", city: "São Paulo" };

  it("parses what the contract accepts", () => {
    expect(parseWith(CreateCompanyRequest, company).name).toBe("Acme Ltda");
  });

  it("refuses control characters like the API does, naming the field", () => {
    let thrown: unknown;
    try {
      parseWith(CreateCompanyRequest, { ...company, name: "Acme\u0000 Ltda" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["name", "validation.control_characters"],
    ]);
  });
});
