// The pt-BR catalog: the source of truth for the product's wording. Every key exists in `en` too.
export const ptBR = {
  // Errors answered by the API
  "error.validation": "Verifique os campos destacados.",
  "error.malformed_json": "O corpo da requisição não é um JSON válido.",
  "error.unsupported_media_type": "Tipo de conteúdo não suportado.",
  "error.body_too_large": "O conteúdo enviado é grande demais.",
  "error.not_found": "Não encontrado.",
  "error.route_not_found": "Endereço da API inexistente.",
  "error.forbidden": "Você não tem permissão para esta ação.",
  "error.unauthenticated": "Sua sessão expirou ou você não entrou. Entre novamente.",
  "error.csrf": "Requisição recusada: origem não confirmada.",
  "error.rate_limited": "Muitas tentativas. Tente novamente em {minutes} min.",
  "error.internal": "Erro interno. Tente novamente; se persistir, fale com a equipe de suporte.",
  "error.unavailable": "Serviço temporariamente indisponível.",
  "error.auth.invalid_credentials": "E-mail ou senha incorretos.",
  "error.auth.invalid_link":
    "Este link é inválido, já foi usado ou expirou. Peça um novo à equipe de suporte.",
  "error.auth.wrong_password": "A senha atual não confere.",
  "error.company.cnpj_taken": "Já existe uma empresa com este CNPJ.",
  "error.company.not_found": "Empresa não encontrada.",
  "error.user.email_taken": "Já existe um usuário com este e-mail.",
  "error.user.not_found": "Usuário não encontrado.",
  "error.user.company_required": "Usuários de cliente precisam de uma empresa.",
  "error.user.company_not_allowed": "Usuários da equipe de suporte não pertencem a uma empresa.",
  "error.user.company_inactive": "A empresa está inativa.",
  "error.user.self_disable": "Você não pode desativar a própria conta.",

  // Field-level validation
  "validation.required": "Campo obrigatório.",
  "validation.invalid_type": "Valor inválido.",
  "validation.too_short": "Deve ter pelo menos {min} caracteres.",
  "validation.too_long": "Deve ter no máximo {max} caracteres.",
  "validation.too_small": "Deve ser no mínimo {min}.",
  "validation.too_big": "Deve ser no máximo {max}.",
  "validation.too_few_items": "Informe pelo menos {min} item(ns).",
  "validation.too_many_items": "Informe no máximo {max} item(ns).",
  "validation.one_of": "Use um destes valores: {values}.",
  "validation.unknown_field": "Campo desconhecido.",
  "validation.invalid_format": "Formato inválido.",
  "validation.email": "E-mail inválido.",
  "validation.uuid": "Identificador inválido.",
  "validation.datetime": "Data e hora inválidas.",
  "validation.cnpj": "CNPJ inválido: confira os dígitos.",
  "validation.passwords_differ": "As senhas não conferem.",

  // Roles
  "role.customer": "Usuário",
  "role.customer_admin": "Administrador da empresa",
  "role.agent": "Analista de suporte",
  "role.supervisor": "Supervisor",
  "role.admin": "Administrador",

  // Shell and navigation
  "app.title": "Extranet {brand}",
  "app.tagline": "Portal de relacionamento com o cliente",
  "app.language": "Idioma",
  "app.signOut": "Sair",
  "app.loading": "Carregando…",
  "app.menu": "Menu",
  "nav.newTicket": "Abertura de ocorrência",
  "nav.tickets": "Lista de ocorrências",
  "nav.policy": "Política de Suporte",
  "nav.console": "Console de atendimento",
  "nav.queue": "Fila",
  "nav.companies": "Empresas",
  "nav.users": "Usuários",
  "nav.profile": "Meu perfil",

  // Sign in and passwords
  "login.title": "Entrar",
  "login.email": "E-mail",
  "login.password": "Senha",
  "login.submit": "Entrar",
  "login.forgot": "Esqueci minha senha",
  "login.noAccount": "Não tem login? Solicite à equipe de suporte {brand}.",
  "forgot.title": "Esqueci minha senha",
  "forgot.body":
    "Peça à equipe de suporte {brand} um link para definir uma nova senha. O link vale por tempo limitado e pode ser usado uma única vez.",
  "forgot.back": "Voltar para entrar",
  "setPassword.title": "Definir senha",
  "setPassword.password": "Nova senha",
  "setPassword.confirm": "Repita a nova senha",
  "setPassword.hint": "Pelo menos 10 caracteres. Uma frase é mais fácil de lembrar e mais segura.",
  "setPassword.submit": "Definir senha",
  "setPassword.done": "Senha definida. Entre com seu e-mail e a nova senha.",
  "profile.title": "Meu perfil",
  "profile.changePassword": "Trocar senha",
  "profile.currentPassword": "Senha atual",
  "profile.saved": "Alterações salvas.",

  // Placeholder pages
  "portal.home.greeting": "Olá, {name}!",
  "portal.home.intro":
    "Registre aqui seus chamados de suporte do {product} e acompanhe todas as ocorrências da sua empresa.",
  "portal.newTicket.intro":
    "Selecione a categoria do problema. Mostraremos as perguntas e respostas dessa categoria antes do formulário.",
  "portal.tickets.intro": "Todas as ocorrências da sua empresa, em qualquer status.",
  "console.home.intro": "As ocorrências dos clientes chegam aqui assim que são abertas.",
  "common.comingSoon": "Em construção.",
} as const;

export type MessageKey = keyof typeof ptBR;
