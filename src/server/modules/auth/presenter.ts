// The signed-in user, with the abilities the client may rely on.
import type { Me } from "../../../contracts/auth";
import { abilitiesOf, type PeopleSettings } from "../../../domain/policies";
import { toIsoOrNull } from "../../db/time";
import type { RequestAuth } from "../../plugins/session";

export function presentMe(auth: RequestAuth, settings: PeopleSettings): Me {
  const { user, actor } = auth;
  return {
    id: user.userId,
    name: user.name,
    email: user.email,
    role: actor.role,
    locale: auth.locale,
    company:
      user.companyId !== null && user.companyName !== null && user.companyCnpj !== null
        ? { id: user.companyId, name: user.companyName, cnpj: user.companyCnpj }
        : null,
    abilities: abilitiesOf(actor, settings),
    previousLoginAt: toIsoOrNull(user.previousLoginAt),
  };
}
