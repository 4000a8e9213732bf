// The demo's shared canned responses ("respostas prontas"), in the Support Policy's own voice.
import type { CreateCannedResponseRequest } from "../../../contracts/canned";

export const demoCannedResponses: CreateCannedResponseRequest[] = [
  {
    title: "Solicitar exemplo",
    shared: true,
    body: [
      "Olá, {nome}!",
      "",
      "Para analisarmos a ocorrência {ocorrencia}, precisamos de um exemplo com os dados de um registro " +
        "que ocasionou o problema. Informe sempre o **código da tela** e o registro, por exemplo: " +
        "“Cadastrei o cliente código 100 através da tela ATW0001 – Atendimento ao Cliente, porém o e-mail " +
        "do contato Bruno não foi gravado”.",
      "",
      "Assim que recebermos o exemplo, seguimos com a análise dentro dos prazos do seu plano {plano}.",
      "",
      "Equipe de suporte UNO",
    ].join("\n"),
  },
  {
    title: "Primeiro contato",
    shared: true,
    body: [
      "Olá, {nome}!",
      "",
      "Recebemos a ocorrência {ocorrencia} e ela já está com a equipe de suporte. Você pode acompanhá-la " +
        "a qualquer momento pela “Lista de ocorrências”; o próximo prazo dela vence em {prazo}.",
      "",
      "Equipe de suporte UNO",
    ].join("\n"),
  },
  {
    title: "Aguardando retorno",
    shared: true,
    body: [
      "Olá, {nome}!",
      "",
      "Ainda aguardamos seu retorno na ocorrência {ocorrencia}. Basta escrever no campo “Resposta” e " +
        "clicar em responder: sua mensagem fica registrada e a equipe de suporte dá continuidade.",
      "",
      "Equipe de suporte UNO",
    ].join("\n"),
  },
  {
    title: "Encerramento",
    shared: true,
    body: [
      "Olá, {nome}!",
      "",
      "Estamos finalizando a ocorrência {ocorrencia}. Se ainda restar alguma dúvida, é só responder " +
        "por aqui que ela volta para a equipe de suporte.",
      "",
      "Lembrando que o atendimento por abertura de ocorrência é mais ágil do que por telefone ;-D #ficaadica",
      "",
      "Equipe de suporte UNO",
    ].join("\n"),
  },
  {
    title: "Consultoria — orçamento",
    shared: true,
    body: [
      "Olá, {nome}!",
      "",
      "Analisamos a ocorrência {ocorrencia} e ela se enquadra como **consultoria**: é uma análise " +
        "específica da situação da {empresa}, apesar do produto estar em condições operacionais.",
      "",
      "Vamos enviar um orçamento de horas para sua aprovação aqui mesmo na Extranet. As horas de " +
        "consultoria incluídas no plano {plano} são usadas primeiro; o que passar delas é faturado.",
      "",
      "Equipe de suporte UNO",
    ].join("\n"),
  },
];
