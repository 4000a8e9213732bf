// Demo tickets: the stories of the three demo companies' ocorrências, from opening to their current status.
import type { DemoTicket } from "./types";

export const demoTickets: DemoTicket[] = [
  // Distribuidora Paulista de Alimentos (SP)
  {
    company: 0,
    requester: 1,
    category: "Faturamento",
    screenCode: "FAT0002",
    subject: "Não imprimiu a NF quando cliquei em Faturar!",
    description:
      "Faturei o pedido 45872 do cliente Supermercado Bom Preço (código 2310) pela tela FAT0002 – Faturamento de Pedidos, mas a NF não foi impressa. Cliquei em Faturar de novo e também não saiu nada. O caminhão está aguardando para carregar.",
    exampleRecord: "pedido 45872",
    priority: "high",
    status: "resolved",
    openedDaysAgo: 12,
    messages: [
      {
        from: "agent",
        body: "Olá, Fernanda! Já estamos verificando. Por favor, não clique em Faturar novamente enquanto analisamos, para não gerar outra transmissão para o mesmo pedido.",
        afterHours: 0.3,
      },
      {
        from: "note",
        body: "Verifiquei no log: a primeira transmissão (NF-e 000.045.118 série 1) ficou sem retorno por lentidão da SEFAZ-SP e foi autorizada minutos depois. O segundo clique em Faturar retransmitiu o mesmo número com outra chave e voltou rejeição 539 da SEFAZ, duplicidade de NF-e com diferença na chave de acesso. Sincronizei o status pelo Consultar situação.",
        afterHours: 0.6,
      },
      {
        from: "agent",
        body: "Fernanda, a NF-e 000.045.118 série 1 do pedido 45872 foi autorizada pela SEFAZ. Ela não foi impressa porque o retorno demorou e a tela foi fechada antes da autorização. Já sincronizamos o status: abra Fiscal > Monitor de Documentos Fiscais (tela FIS0003), localize a nota e clique em Reimprimir DANFE.\n\nA rejeição que apareceu no segundo clique (539 – duplicidade) pode ser desconsiderada: nenhuma nota a mais foi gerada. Para o DANFE sair sempre automaticamente, marque Imprimir DANFE após autorização na tela FAT0006 – Configuração de Impressão do DANFE.",
        afterHours: 1,
      },
      {
        from: "customer",
        body: "Imprimiu! O caminhão já saiu. Marquei a impressão automática também. Obrigada!",
        afterHours: 1.4,
      },
    ],
  },
  {
    company: 0,
    requester: 0,
    category: "Financeiro",
    screenCode: "FIN0005",
    subject: "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
    description:
      "Na tela FIN0005 – Fluxo de Caixa, o saldo realizado da conta Itaú (ag. 0912, c/c 45120-3) no fechamento do mês passado ficou R$ 3.418,90 maior que o extrato do banco. Gostaria de entender de onde vem a diferença.",
    exampleRecord: "conta bancária Itaú ag. 0912 c/c 45120-3",
    priority: "normal",
    status: "resolved",
    openedDaysAgo: 4,
    consultancy: {
      reason:
        "O fluxo de caixa está correto a partir do que foi lançado; encontrar a diferença com o extrato exige conferir a conta lançamento a lançamento.",
      afterHours: 1.9,
      estimate: {
        minutes: 120,
        description:
          "Conciliação da conta Itaú (ag. 0912, c/c 45120-3) do mês passado com o extrato OFX, lançamento a lançamento, e orientação para os acertos.",
      },
      approval: { afterHours: 3.4, note: "Aprovado, pode seguir." },
      time: [
        {
          minutes: 100,
          note: "Conciliação da conta Itaú com o OFX: tarifas, baixa duplicada do título 10187-3 e estorno de PIX.",
          afterHours: 6,
        },
      ],
    },
    messages: [
      {
        from: "agent",
        body: "Olá, Bruno! Conferimos a tela FIN0005 e os lançamentos da conta: o sistema está calculando o fluxo corretamente a partir do que foi lançado. Descobrir por que o saldo não “bate” com a conta corrente exige uma análise lançamento a lançamento, que a nossa Política de Suporte classifica como consultoria: “uma análise específica de uma situação do cliente, apesar do produto estar em condições operacionais”. Por isso, ela gera horas faturáveis.\n\nEstimamos 2 horas de análise. Se aprovar o orçamento, começamos hoje mesmo; para isso, anexe o extrato OFX do mês.",
        afterHours: 2,
      },
      {
        from: "customer",
        body: "Anexei o extrato OFX do mês.",
        afterHours: 3.5,
      },
      {
        from: "note",
        body: "Conciliação do mês refeita com o OFX do cliente: 4 tarifas bancárias não lançadas (R$ 118,90), título 10187-3 baixado duas vezes (R$ 2.750,00) e um estorno de PIX sem lançamento (R$ 550,00). Total R$ 3.418,90, confere. Apontei 1h40 de consultoria.",
        afterHours: 6,
      },
      {
        from: "agent",
        body: "Bruno, concluímos a análise. A diferença de R$ 3.418,90 vem de três pontos:\n1. quatro tarifas bancárias que não foram lançadas no sistema (R$ 118,90);\n2. o título 10187-3, baixado duas vezes (R$ 2.750,00);\n3. um estorno de PIX feito pelo banco e não lançado (R$ 550,00).\n\nPara acertar: lance as tarifas na tela FIN0006 – Conciliação Bancária (botão Incluir lançamento), estorne a baixa duplicada do título 10187-3 na tela FIN0003 – Baixa de Títulos e lance o estorno do PIX, reabrindo o título correspondente. Recomendamos conciliar a conta toda semana: assim as divergências aparecem logo. Foram apontadas 1h40 de consultoria, dentro do orçamento aprovado.",
        afterHours: 7,
      },
      {
        from: "customer",
        body: "Fiz os três acertos e os saldos bateram. Obrigado pela explicação!",
        afterHours: 22,
      },
    ],
  },
  {
    company: 0,
    requester: 1,
    category: "Estoque",
    screenCode: "EST0008",
    subject: "Lote vencido continua disponível para venda",
    description:
      "O produto código 20455 (azeite extravirgem 500 ml), lote L2304, venceu ontem, mas a tela EST0008 – Lotes e Validades ainda mostra o lote como disponível e ele foi sugerido no pedido 45990. O bloqueio de lotes vencidos está marcado no depósito 01.",
    exampleRecord: "produto código 20455, lote L2304",
    priority: "high",
    status: "in_progress",
    openedDaysAgo: 2,
    messages: [
      {
        from: "agent",
        body: "Olá, Fernanda! Conseguimos reproduzir: o lote L2304 aparece disponível mesmo vencido. Enquanto analisamos, bloqueie o lote manualmente na tela EST0008 (botão Bloquear lote) para que ele não seja sugerido em novos pedidos.",
        afterHours: 1.5,
      },
      {
        from: "note",
        body: "A rotina noturna que bloqueia lotes vencidos não roda no servidor do cliente desde a atualização para a versão 8.4: o agendador ficou parado. Encaminhei à infraestrutura para reativar e reprocessar os lotes.",
        afterHours: 3,
      },
      {
        from: "customer",
        body: "Bloqueei o lote, obrigada. O pedido 45990 ainda não tinha sido faturado; troquei o lote manualmente.",
        afterHours: 4,
      },
      {
        from: "agent",
        body: "Ótimo, Fernanda. A equipe de infraestrutura está reativando no seu servidor a rotina automática de bloqueio de lotes vencidos; avisamos aqui assim que estiver concluído.",
        afterHours: 20,
      },
    ],
  },
  {
    company: 0,
    requester: 0,
    category: "Fiscal",
    screenCode: "FIS0001",
    subject: "ICMS-ST não calculado em venda para MG",
    description:
      "Emiti pela tela FIS0001 – Emissão de NF-e a NF-e 000.045.366 série 1 para o cliente código 3127 (Mercearia Triângulo, Uberlândia/MG) e o ICMS-ST não foi calculado no produto código 18870 (biscoito recheado 140 g). Para clientes de SP o cálculo sai normalmente.",
    exampleRecord: "NF-e 000.045.366 série 1",
    priority: "high",
    status: "waiting_customer",
    openedDaysAgo: 4,
    messages: [
      {
        from: "agent",
        body: "Olá, Bruno! Na tela FIS0006 – Regras de Tributação, o grupo tributário do produto 18870 tem regra de ICMS-ST apenas para a UF SP. Para destino MG não há regra cadastrada, por isso o imposto não foi calculado nessa nota.",
        afterHours: 3,
      },
      {
        from: "note",
        body: "Cliente quer que a gente “coloque o MVA certo”. Definição de tributação é do contador do cliente: pedir a confirmação da ST na operação SP → MG para esse produto, o MVA ajustado e a alíquota interna de MG antes de orientar o cadastro.",
        afterHours: 3.2,
      },
      {
        from: "agent",
        body: "A definição da tributação é responsabilidade do contador da sua empresa. Pode confirmar com ele se há substituição tributária nas vendas desse produto de SP para MG e, se houver, qual MVA (ajustado) e qual alíquota interna de MG devemos usar? Com essas informações, orientamos o cadastro da regra na tela FIS0006 e o tratamento da NF-e 000.045.366 já emitida.",
        afterHours: 3.5,
      },
    ],
  },
  {
    company: 0,
    requester: 1,
    category: "Cadastros",
    screenCode: "ATW0001",
    subject: "E-mail do contato não foi gravado",
    description:
      "Cadastrei o cliente código 100 através da tela ATW0001 – Atendimento ao Cliente, porém o e-mail do contato Bruno não foi gravado. Favor verificar.",
    exampleRecord: "cliente código 100",
    priority: "normal",
    status: "open",
    openedDaysAgo: 0,
    messages: [],
  },
  {
    company: 0,
    requester: 0,
    category: "Financeiro",
    screenCode: "FIN0004",
    subject: "Boleto do título 10233-1 não é gerado",
    description:
      "Na tela FIN0004 – Emissão de Boletos, o boleto do título 10233-1 (cliente código 2310) não é gerado: clico em Imprimir e nada acontece.",
    exampleRecord: "título 10233-1",
    priority: "normal",
    status: "cancelled",
    openedDaysAgo: 6,
    messages: [
      {
        from: "customer",
        body: "Podem cancelar esta ocorrência: encontrei a resposta nas perguntas e respostas (“A impressão do boleto não funciona”). O navegador estava bloqueando o pop-up; liberei e o boleto abriu.",
        afterHours: 0.4,
      },
      {
        from: "agent",
        body: "Que bom que resolveu, Bruno! Cancelamos a ocorrência, conforme solicitado. Qualquer dúvida, estamos à disposição.",
        afterHours: 1,
      },
    ],
  },

  // Metalúrgica Vale do Aço (MG)
  {
    company: 1,
    requester: 0,
    category: "Fiscal",
    screenCode: "FIS0005",
    subject: "Não consigo cancelar NF-e emitida com quantidade errada",
    description:
      "A NF-e 000.123.456 série 1 (pedido 8841, cliente código 512) saiu com 1.200 kg em vez de 120 kg. Ao cancelar na tela FIS0005 – Cancelamento e Inutilização de NF-e, aparece “Justificativa inválida”. O caminhão está parado na portaria esperando a nota correta.",
    exampleRecord: "NF-e 000.123.456 série 1",
    priority: "urgent",
    status: "resolved",
    openedDaysAgo: 9,
    messages: [
      {
        from: "agent",
        body: "Olá, Ana Beatriz! A SEFAZ exige que a justificativa do cancelamento tenha no mínimo 15 caracteres, e pelo print foi informado apenas “qtd errada”. Escreva, por exemplo, “Quantidade informada incorretamente no item 1” e clique em Cancelar novamente. A nota foi autorizada hoje às 08h12, então está dentro do prazo de 24 horas.",
        afterHours: 0.2,
      },
      {
        from: "customer",
        body: "Deu certo, a nota está cancelada. Posso faturar o pedido 8841 de novo?",
        afterHours: 0.4,
      },
      {
        from: "agent",
        body: "Pode sim. Com o cancelamento, o pedido 8841 voltou para a situação Liberado: corrija a quantidade do item para 120 kg na tela FAT0001 – Pedidos de Venda e fature pela tela FAT0002 – Faturamento de Pedidos. Como a quantidade é um dos dados que a Carta de Correção não pode alterar, cancelar e emitir outra nota era mesmo o caminho certo.",
        afterHours: 0.5,
      },
      {
        from: "customer",
        body: "Nota nova autorizada e impressa, o caminhão já saiu. Muito obrigada pela agilidade!",
        afterHours: 0.9,
      },
    ],
  },
  {
    company: 1,
    requester: 1,
    category: "Compras",
    screenCode: "COM0006",
    subject: "XML do fornecedor não importa na entrada",
    description:
      "Ao importar na tela COM0006 – Importação de XML de NF-e o XML da NF-e 000.087.331 série 2 do fornecedor Aços Ipiranga (código 4410), aparece “Item 3 sem vínculo com produto interno” e não consigo gerar a entrada. Esse item já veio em outras compras.",
    exampleRecord: "NF-e 000.087.331 série 2, fornecedor código 4410",
    priority: "normal",
    status: "in_progress",
    openedDaysAgo: 1,
    messages: [
      {
        from: "agent",
        body: "Olá, Paulo! Essa mensagem aparece quando o código do produto do fornecedor ainda não tem de-para. Você pode fazer o vínculo na própria tela COM0006: clique no item 3 e escolha o produto interno. Pode tentar?",
        afterHours: 1.5,
      },
      {
        from: "customer",
        body: "Tentei vincular ao nosso produto 70012 (chapa 3 mm), mas ao gravar aparece “Produto já vinculado a outro código do fornecedor”.",
        afterHours: 3,
      },
      {
        from: "note",
        body: "O fornecedor mudou o código do item (era CH-3000, agora CH3000-A). Na versão 8.4, o de-para não aceita dois códigos do mesmo fornecedor para o mesmo produto. Consultei o desenvolvimento sobre permitir mais de um código.",
        afterHours: 4,
      },
      {
        from: "agent",
        body: "Paulo, o fornecedor mudou o código desse item na nota (de CH-3000 para CH3000-A). Estamos vendo com a equipe de desenvolvimento a melhor forma de manter os dois códigos vinculados e retornamos ainda hoje. Se a entrada for urgente, remova o vínculo antigo (CH-3000) na tela COM0006 e vincule o novo.",
        afterHours: 5,
      },
    ],
  },
  {
    company: 1,
    requester: 1,
    category: "Estoque",
    screenCode: "EST0005",
    subject: "Inventário processado não ajustou o estoque",
    description:
      "Processei o inventário nº 18 (depósito 01 – Matéria-prima) na tela EST0005 – Inventário, mas os saldos continuam os mesmos de antes da contagem. Exemplo: bobina de aço código 70450 contada com 12.300 kg, e o sistema segue com 13.050 kg.",
    exampleRecord: "inventário nº 18, produto código 70450",
    priority: "high",
    status: "waiting_customer",
    openedDaysAgo: 3,
    messages: [
      {
        from: "agent",
        body: "Olá, Paulo! O inventário nº 18 ainda está com a situação Em contagem, ou seja, a contagem não foi encerrada antes do processamento. Nessa situação, o botão Processar ajustes só gera o relatório de divergências, sem movimentar o estoque.",
        afterHours: 4,
      },
      {
        from: "customer",
        body: "Entendi. Mas a equipe ainda está recontando o depósito 01: algumas bobinas foram movimentadas durante a contagem.",
        afterHours: 6,
      },
      {
        from: "agent",
        body: "Nesse caso, precisamos conferir as movimentações feitas depois do congelamento dos saldos antes de encerrar. Pode confirmar se a recontagem já terminou e anexar a lista das bobinas movimentadas (código, quantidade e data)? Com ela, orientamos o encerramento e o processamento do inventário nº 18 sem risco de ajuste errado.",
        afterHours: 8,
      },
    ],
  },
  {
    company: 1,
    requester: 0,
    category: "Acesso e usuários",
    screenCode: "COM0003",
    subject: "Novo comprador não acessa os pedidos de compra",
    description:
      "Criamos o usuário jsilva (João Silva) com o perfil Compras na tela ACE0001 – Usuários, mas ao abrir a tela COM0003 – Pedidos de Compra aparece “Acesso negado”.",
    exampleRecord: "usuário jsilva, perfil Compras",
    priority: "low",
    status: "resolved",
    openedDaysAgo: 15,
    messages: [
      {
        from: "agent",
        body: "Olá, Ana Beatriz! O perfil Compras da sua empresa tem permissão apenas nas telas COM0001 e COM0002. Para liberar, acesse Acesso > Permissões por Tela (tela ACE0003), escolha o perfil Compras, localize a tela COM0003 e marque Consultar, Incluir e Alterar. Depois, peça ao João para sair e entrar de novo no UNO ERP.",
        afterHours: 5,
      },
      {
        from: "customer",
        body: "Funcionou, obrigada! Aproveitei e liberei a tela COM0006 também.",
        afterHours: 9,
      },
      {
        from: "agent",
        body: "Perfeito! Vamos finalizar a ocorrência. Uma dica: quem importa XML costuma precisar também da tela COM0005 – Entrada de Notas Fiscais no mesmo perfil.",
        afterHours: 9.5,
      },
    ],
  },
  {
    company: 1,
    requester: 1,
    category: "Relatórios",
    screenCode: "REL0003",
    subject: "Posição de estoque diferente do Kardex",
    description:
      "O relatório REL0003 – Posição de Estoque do depósito 02 mostra 480 peças do produto código 71020, mas o Kardex (tela EST0006) mostra 455.",
    exampleRecord: "produto código 71020, depósito 02",
    priority: "low",
    status: "cancelled",
    openedDaysAgo: 5,
    messages: [
      {
        from: "customer",
        body: "Favor desconsiderar: o relatório estava com a data de posição do mês passado. Com a data de hoje, os valores conferem.",
        afterHours: 1,
      },
      {
        from: "agent",
        body: "Obrigado pelo retorno, Paulo. Cancelamos a ocorrência. A pergunta “Como ver a posição do estoque em uma data passada?”, na categoria Relatórios, explica o campo Posição em.",
        afterHours: 2,
      },
    ],
  },

  // Têxtil Serra Gaúcha (RS)
  {
    company: 2,
    requester: 0,
    category: "Fiscal",
    screenCode: "FIS0001",
    subject: "DIFAL não calculado em venda a consumidor final do PR",
    description:
      "Emitimos pela tela FIS0001 – Emissão de NF-e a NF-e 000.009.874 série 1 para o cliente código 6021 (pessoa física de Curitiba/PR, venda do e-commerce) e o DIFAL não foi destacado. Precisamos saber se devemos recolher a GNRE.",
    exampleRecord: "NF-e 000.009.874 série 1, cliente código 6021",
    priority: "high",
    status: "in_progress",
    openedDaysAgo: 1,
    messages: [
      {
        from: "agent",
        body: "Olá, Luciana! No cadastro do cliente 6021 (tela CAD0001), o Indicador de IE está como “Contribuinte”, por isso a NF-e saiu como operação com contribuinte, sem DIFAL. Para pessoa física, o correto é “Não contribuinte”: assim o sistema marca a operação como consumidor final e calcula o DIFAL (e o FCP, quando o destino cobrar), conforme a EC 87/2015.",
        afterHours: 1.5,
      },
      {
        from: "note",
        body: "Outros 11 clientes pessoa física do e-commerce foram importados em lote com Indicador de IE = Contribuinte (a planilha de importação veio assim). Gerando a lista para enviar à cliente.",
        afterHours: 2,
      },
      {
        from: "customer",
        body: "Corrigi o cliente 6021. E a nota que já foi emitida? A mercadoria já saiu.",
        afterHours: 4,
      },
      {
        from: "agent",
        body: "Como a mercadoria já circulou, o cancelamento não é o caminho. Vamos enviar ainda hoje a lista dos outros clientes com o mesmo problema e o passo a passo para gerar a GNRE do DIFAL dessa operação; confirme os valores com o seu contador antes de recolher.",
        afterHours: 5,
      },
    ],
  },
  {
    company: 2,
    requester: 1,
    category: "Financeiro",
    screenCode: "FIN0007",
    subject: "Retorno do banco não baixou os boletos",
    description:
      "Processei na tela FIN0007 – Remessa e Retorno CNAB o arquivo de retorno CNAB 400 do Banrisul de ontem. O relatório mostra 14 liquidações, mas os títulos continuam em aberto no Contas a Receber, por exemplo o título 9981-2.",
    exampleRecord: "título 9981-2",
    priority: "high",
    status: "waiting_customer",
    openedDaysAgo: 2,
    messages: [
      {
        from: "agent",
        body: "Olá, Rafael! O nosso número do título 9981-2 no sistema é diferente do que veio no arquivo de retorno, por isso a liquidação não foi associada ao título e ele continua em aberto.",
        afterHours: 3,
      },
      {
        from: "note",
        body: "A faixa de nosso número da conta Banrisul na tela FIN0008 foi alterada há 10 dias pelo usuário rafael.zanella. Provável troca de carteira sem nova homologação com o banco.",
        afterHours: 4,
      },
      {
        from: "agent",
        body: "Rafael, a faixa de nosso número da conta Banrisul foi alterada recentemente na tela FIN0008 – Contas Bancárias. Houve troca de carteira ou de convênio com o banco? Pode anexar o arquivo de retorno de ontem e a carta de homologação com a carteira e o convênio atuais? Com eles, conferimos o layout e reprocessamos o retorno.",
        afterHours: 5,
      },
    ],
  },
  {
    company: 2,
    requester: 1,
    category: "Faturamento",
    screenCode: "FAT0001",
    subject: "Pedido bloqueado por crédito com limite disponível",
    description:
      "O pedido 7731 do cliente código 1180 (Confecções Bento Ltda) está como “Bloqueado por crédito” na tela FAT0001 – Pedidos de Venda, mas o cliente tem limite de R$ 50.000,00 e o pedido é de R$ 8.940,00.",
    exampleRecord: "pedido 7731",
    priority: "normal",
    status: "open",
    openedDaysAgo: 1,
    messages: [
      {
        from: "customer",
        body: "Complementando: o cliente 1180 não tem títulos vencidos no Contas a Receber (tela FIN0001).",
        afterHours: 2,
      },
    ],
  },
  {
    company: 2,
    requester: 0,
    category: "Financeiro",
    screenCode: "FIN0006",
    subject: "Conciliação bancária não reconhece o extrato OFX",
    description:
      "Importei o extrato OFX da conta Sicredi (ag. 0101, c/c 38214-7) na tela FIN0006 – Conciliação Bancária e nenhum lançamento foi conciliado; o sistema mostra “Extrato de outra conta”.",
    exampleRecord: "conta bancária Sicredi ag. 0101 c/c 38214-7",
    priority: "normal",
    status: "resolved",
    openedDaysAgo: 25,
    messages: [
      {
        from: "agent",
        body: "Olá, Luciana! O arquivo OFX identifica a conta como 38214-7, mas na tela FIN0008 – Contas Bancárias ela está cadastrada com a conta 382147 e o dígito em branco (o dígito foi digitado junto com o número). Corrija o campo Conta para 38214 e o campo Dígito para 7, grave e importe o extrato novamente.",
        afterHours: 2,
      },
      {
        from: "customer",
        body: "Corrigi e importei de novo: 96 lançamentos conciliados automaticamente e 5 ficaram pendentes.",
        afterHours: 20,
      },
      {
        from: "agent",
        body: "Ótimo! Os pendentes costumam ser tarifas e IOF ainda não lançados no sistema: na própria tela FIN0006, selecione cada um, clique em Incluir lançamento e escolha a conta do plano financeiro (tela FIN0009). Depois, clique em Fechar conciliação. Vamos finalizar a ocorrência; se algo não conferir, é só responder aqui.",
        afterHours: 22,
      },
      {
        from: "customer",
        body: "Fechou certinho. Obrigada!",
        afterHours: 24,
      },
    ],
  },
  {
    company: 2,
    requester: 1,
    category: "Estoque",
    screenCode: "EST0003",
    subject: "Movimentação de estoque não aparece no saldo",
    description:
      "Lancei na tela EST0003 – Movimentação de Estoque a entrada de 300 m do tecido código 5530 (malha de algodão), mas o saldo na tela EST0001 – Consulta de Saldos não mudou.",
    exampleRecord: "produto código 5530",
    priority: "low",
    status: "cancelled",
    openedDaysAgo: 8,
    messages: [
      {
        from: "customer",
        body: "Abri por engano, podem cancelar: lancei a movimentação no depósito 03 (Loja) em vez do 01 (Fábrica). Já fiz a transferência pela tela EST0004.",
        afterHours: 0.5,
      },
      {
        from: "agent",
        body: "Sem problemas, Rafael. Ocorrência cancelada. Dica: com o filtro Depósito em branco, a tela EST0001 mostra o saldo de todos os depósitos.",
        afterHours: 1.5,
      },
    ],
  },
  {
    company: 2,
    requester: 0,
    category: "Cadastros",
    screenCode: "CAD0003",
    subject: "Todas as NF-e rejeitadas: NCM inexistente",
    description:
      "Desde que a nossa equipe fiscal revisou a classificação dos tecidos na tela CAD0003 – Cadastro de Produtos, todas as NF-e com o produto código 5530 (malha de algodão tinta) voltam com rejeição 778 da SEFAZ – NCM inexistente. Exemplo: NF-e 000.015.220 série 1. Temos 12 pedidos parados para faturar.",
    exampleRecord: "produto código 5530, NF-e 000.015.220 série 1",
    priority: "urgent",
    status: "open",
    openedDaysAgo: 0,
    messages: [],
  },
];
