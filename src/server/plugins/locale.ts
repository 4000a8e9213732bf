// The language of a request: the signed-in user's choice, else the browser's Accept-Language.
import type { FastifyRequest } from "fastify";
import type { Locale } from "../../contracts/common";
import { localeFromAcceptLanguage, type Translate, translator } from "../../i18n";

export function localeOf(request: FastifyRequest): Locale {
  return request.auth?.locale ?? localeFromAcceptLanguage(request.headers["accept-language"]);
}

export function translatorFor(request: FastifyRequest): Translate {
  return translator(localeOf(request));
}
