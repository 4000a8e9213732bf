// Demo FAQ: the knowledge base's categories and their questions and answers (pt-BR, Markdown).
import type { DemoCategory } from "./types";

/** One Markdown answer from its lines ("" for a blank line between blocks). */
const md = (...lines: string[]): string => lines.join("\n");

export const demoCategories: DemoCategory[] = [
  {
    name: "Fiscal",
    description: "Emissão de NF-e e NFC-e, rejeições da SEFAZ, contingência, ICMS, CFOP e CST.",
    articles: [
      {
        question: "Como é calculado o ICMS para consumidor final?",
        answer: md(
          "Depende de onde está o comprador e se ele é contribuinte do ICMS (campo **Indicador de IE** em **Cadastros > Clientes**, tela CAD0001):",
          "- **Dentro do estado:** aplica-se a alíquota interna da sua UF sobre o valor da operação; para consumidor final, o IPI (quando houver) integra a base de cálculo.",
          "- **Outro estado, comprador não contribuinte** (pessoa física, por exemplo): desde a **EC 87/2015**, o ICMS é repartido — a origem fica com a alíquota interestadual (4%, 7% ou 12%) e o destino recebe o **DIFAL**, a diferença entre a alíquota interna do destino e a interestadual, recolhido pelo vendedor (GNRE ou inscrição estadual no destino).",
          "- **Outro estado, comprador contribuinte** que vai usar ou consumir o bem: o DIFAL também é devido, mas quem recolhe é o comprador.",
          "- Se o estado de destino cobrar **FCP** (Fundo de Combate à Pobreza), o sistema calcula o adicional e o destaca em campo próprio da NF-e.",
          "",
          "As alíquotas por UF ficam em **Fiscal > Regras de Tributação** (tela FIS0006). Na dúvida sobre o enquadramento, confirme com o seu contador.",
        ),
      },
      {
        question: "Como faço a emissão de nota fiscal eletrônica (NF-e) sem pedido de venda?",
        answer: md(
          "1. Acesse **Fiscal > Emissão de NF-e** (tela FIS0001) e clique em **Nova nota**.",
          "2. Escolha a **natureza de operação** — ela define o CFOP e as regras de tributação — e informe o destinatário pelo código ou CNPJ/CPF.",
          "3. Inclua os itens, confira quantidades e valores e preencha a aba **Transporte** (transportadora, volumes e frete).",
          "4. Clique em **Transmitir**. Com a autorização da SEFAZ, o DANFE é impresso e o XML é enviado ao e-mail do cliente.",
          "",
          "> **Dica:** notas de venda que têm pedido devem ser emitidas em **Faturamento > Faturamento de Pedidos** (tela FAT0002), que baixa o pedido e o estoque automaticamente.",
        ),
      },
      {
        question: "A SEFAZ retornou rejeição na NF-e. O que fazer?",
        answer: md(
          "Abra **Fiscal > Monitor de Documentos Fiscais** (tela FIS0003), localize a nota e clique em **Ver retorno** para ler o código e o motivo da rejeição. Os mais comuns:",
          "- **204 ou 539 – Duplicidade de NF-e:** o número já foi usado. Clique em **Consultar situação**: se a nota original foi autorizada, o sistema sincroniza o status e libera o DANFE.",
          "- **778 – NCM inexistente:** corrija o NCM no cadastro do produto (tela CAD0003) e retransmita.",
          "- **225 – Falha no schema XML:** normalmente um caractere inválido ou um campo obrigatório vazio no cadastro do cliente, como IE ou endereço.",
          "",
          "Depois de corrigir o cadastro, clique em **Retransmitir** — não é preciso refazer o pedido. Se a rejeição persistir, abra uma ocorrência informando o código da rejeição e o número da nota.",
        ),
      },
      {
        question: "A SEFAZ está fora do ar. Como emitir NF-e e NFC-e em contingência?",
        answer: md(
          "Quando a SEFAZ do seu estado está indisponível, o **Monitor de Documentos Fiscais** (tela FIS0003) exibe o aviso “Serviço paralisado”.",
          "1. Clique em **Contingência > Ativar** e informe o motivo (mínimo de 15 caracteres).",
          "2. A NF-e passa a ser autorizada pela **SVC** (SEFAZ Virtual de Contingência — SVC-AN ou SVC-RS, conforme a sua UF) e o DANFE sai com a indicação de contingência.",
          "3. Quando a SEFAZ voltar, clique em **Contingência > Desativar** para retomar a emissão normal.",
          "",
          "Na **NFC-e** (tela FIS0002), a contingência é offline: o cupom é impresso na hora e os XMLs são transmitidos automaticamente quando a conexão voltar — não desligue o computador do caixa antes disso.",
        ),
      },
      {
        question: "Como cancelar uma NF-e ou corrigir um dado com Carta de Correção (CC-e)?",
        answer: md(
          "- **Cancelamento:** em **Fiscal > Cancelamento e Inutilização de NF-e** (tela FIS0005), selecione a nota, escreva a justificativa (mínimo de 15 caracteres) e clique em **Cancelar**. O prazo é de até 24 horas após a autorização e a mercadoria não pode ter circulado.",
          "- **Carta de Correção:** em **Fiscal > Carta de Correção Eletrônica** (tela FIS0004), descreva a correção e clique em **Transmitir**. Cada nova CC-e substitui a anterior, então repita nela todas as correções.",
          "- A CC-e **não** pode alterar valores, base de cálculo, alíquota, quantidade, dados que mudem o remetente ou o destinatário, nem a data de emissão ou de saída. Nesses casos, cancele a nota (dentro do prazo) e emita outra.",
          "",
          "Fora do prazo de cancelamento, converse com o seu contador sobre o procedimento aceito pela SEFAZ do seu estado.",
        ),
      },
      {
        question: "Qual CFOP devo usar na venda para fora do estado?",
        answer: md(
          "O primeiro dígito do CFOP indica o destino: **5** dentro do estado, **6** para outros estados e **7** para o exterior (nas entradas: 1, 2 e 3).",
          "- Revenda de mercadoria comprada de terceiros: **5.102** / **6.102**.",
          "- Venda de produção própria: **5.101** / **6.101**.",
          "- Venda interestadual a não contribuinte: **6.107** (produção própria) ou **6.108** (mercadoria de terceiros).",
          "- Mercadoria com ICMS-ST já retido, na condição de substituído: **5.405**.",
          "",
          "O CFOP padrão de cada natureza de operação fica em **Fiscal > Cadastro de CFOP** (tela FIS0007); o sistema troca o 5 pelo 6 automaticamente quando a UF do cliente é diferente da sua. O CST de cada item vem das regras da tela FIS0006.",
        ),
      },
    ],
  },
  {
    name: "Faturamento",
    description: "Pedidos de venda, faturamento, impressão do DANFE, devoluções e tabelas de preço.",
    articles: [
      {
        question: "Não imprimiu a NF quando cliquei em Faturar!",
        answer: md(
          "O DANFE só é impresso depois que a SEFAZ **autoriza** a NF-e. Se nada saiu na impressora:",
          "1. Abra **Fiscal > Monitor de Documentos Fiscais** (tela FIS0003) e localize a nota pelo número do pedido.",
          "2. Se o status for **Aguardando retorno**, espere alguns minutos e clique em **Consultar situação** — não clique em **Faturar** de novo, para não gerar duplicidade.",
          "3. Se o status for **Rejeitada**, leia o motivo em **Ver retorno**, corrija e retransmita.",
          "4. Se a nota estiver **Autorizada**, clique em **Reimprimir DANFE**.",
          "",
          "> **Dica:** para imprimir sempre, marque **Imprimir DANFE após autorização** e escolha a impressora da estação em **Faturamento > Configuração de Impressão do DANFE** (tela FAT0006).",
        ),
      },
      {
        question: "Como faturar parcialmente um pedido de venda?",
        answer: md(
          "1. Acesse **Faturamento > Faturamento de Pedidos** (tela FAT0002) e selecione o pedido.",
          "2. Na grade de itens, altere a coluna **Qtd. a faturar** para a quantidade que sai agora (ou zere os itens que ficam para depois).",
          "3. Clique em **Faturar**: a NF-e é emitida apenas com o que foi informado.",
          "",
          "O saldo continua no pedido, com a situação **Faturado parcialmente**, e pode ser faturado depois pela mesma tela.",
        ),
      },
      {
        question: "Por que meu pedido não aparece na tela de faturamento?",
        answer: md(
          "A tela FAT0002 lista apenas pedidos **liberados**. Abra o pedido em **Faturamento > Pedidos de Venda** (tela FAT0001) e veja o campo **Situação**:",
          "- **Bloqueado por crédito:** o cliente ultrapassou o limite ou tem títulos vencidos. Um usuário com a permissão **Liberar crédito** pode liberar o pedido.",
          "- **Aguardando estoque:** algum item não tem saldo no depósito do pedido; confira em **Estoque > Consulta de Saldos** (tela EST0001).",
          "- **Em digitação:** o pedido ainda não foi confirmado — abra-o e clique em **Confirmar**.",
        ),
      },
      {
        question: "Como registrar a devolução de uma venda?",
        answer: md(
          "1. Acesse **Faturamento > Devolução de Vendas** (tela FAT0004) e informe a NF-e de venda original.",
          "2. Se o cliente é contribuinte e emitiu a nota de devolução, importe o XML dela; caso contrário, o sistema emite uma **NF-e de entrada** própria.",
          "3. Selecione os itens e as quantidades devolvidas. O CFOP é sugerido automaticamente (por exemplo, **1.202** ou **2.202** para devolução de mercadoria de terceiros).",
          "4. Confirme: o estoque volta para o depósito escolhido e o crédito do cliente é gerado no **Contas a Receber** (tela FIN0001).",
        ),
      },
      {
        question: "Como cadastrar uma ação promocional com preço especial por período?",
        answer: md(
          "1. Acesse **Faturamento > Tabelas de Preço** (tela FAT0003) e abra a tabela usada pelos clientes.",
          "2. Na aba **Ações promocionais**, clique em **Nova ação**, dê um nome (ex.: “Semana do Cliente”) e informe as datas de início e fim.",
          "3. Inclua os produtos com o preço promocional ou o percentual de desconto e clique em **Gravar**.",
          "",
          "Durante o período, os pedidos digitados na tela FAT0001 já trazem o preço da ação; depois da data final, volta o preço normal da tabela.",
        ),
      },
    ],
  },
  {
    name: "Financeiro",
    description:
      "Contas a pagar e a receber, boletos, remessa e retorno CNAB, fluxo de caixa e conciliação bancária.",
    articles: [
      {
        question: "Como fazer a conciliação bancária?",
        answer: md(
          "1. Exporte o extrato do internet banking no formato **OFX**.",
          "2. Acesse **Financeiro > Conciliação Bancária** (tela FIN0006), escolha a conta e clique em **Importar extrato**.",
          "3. O sistema concilia sozinho os lançamentos de mesmo valor e data; os pendentes ficam destacados em amarelo.",
          "4. Associe cada pendente ao lançamento correspondente ou clique em **Incluir lançamento** (tarifas bancárias e IOF, por exemplo).",
          "5. Clique em **Fechar conciliação** quando o saldo do sistema igualar o do extrato.",
          "",
          "> **Dica:** se nada for conciliado, confira se a agência e a conta cadastradas em **Financeiro > Contas Bancárias** (tela FIN0008) são as mesmas do arquivo OFX.",
        ),
      },
      {
        question: "Como gerar a remessa de boletos (CNAB) e processar o retorno do banco?",
        answer: md(
          "1. Em **Financeiro > Remessa e Retorno CNAB** (tela FIN0007), escolha a conta e clique em **Gerar remessa**: entram os títulos com boleto emitido ainda não enviados.",
          "2. Envie o arquivo pelo internet banking (ou pela VAN do banco).",
          "3. Baixe o arquivo de **retorno** no banco e clique em **Processar retorno**: entradas confirmadas, liquidações e rejeições são registradas nos títulos.",
          "4. Confira o relatório final — os títulos liquidados já aparecem baixados no **Contas a Receber** (tela FIN0001).",
          "",
          "O layout (CNAB 240 ou 400), a carteira e o convênio ficam no cadastro da conta (tela FIN0008) e devem ser os mesmos homologados com o banco.",
        ),
      },
      {
        question: "Como dar baixa em um título pago com juros ou desconto?",
        answer: md(
          "1. Acesse **Financeiro > Baixa de Títulos** (tela FIN0003) e localize o título pelo número ou pelo cliente/fornecedor.",
          "2. Informe a **data do pagamento**, a conta bancária e o valor pago.",
          "3. Preencha **Juros/Multa** ou **Desconto** — o sistema confere se valor do título + juros − desconto = valor pago.",
          "4. Clique em **Baixar**. Se o valor pago for menor que o saldo, marque **Baixa parcial** para manter o restante em aberto.",
        ),
      },
      {
        question: "Quais lançamentos aparecem no fluxo de caixa?",
        answer: md(
          "O **Fluxo de Caixa** (tela FIN0005) parte do saldo das contas bancárias e soma os títulos do **Contas a Receber** (FIN0001) e do **Contas a Pagar** (FIN0002): os em aberto pelo vencimento, os baixados pela data do pagamento.",
          "- Títulos **provisórios** e previsões só entram com a opção **Considerar previsões** marcada.",
          "- Tarifas, juros e transferências aparecem depois de lançados ou conciliados (tela FIN0006).",
          "",
          "> Se o fluxo não “bate” com o extrato, comece pela conciliação bancária. A análise detalhada das divergências de uma conta é um serviço de **consultoria**, conforme a Política de Suporte.",
        ),
      },
      {
        question: "A impressão do boleto não funciona. O que verificar?",
        answer: md(
          "1. Em **Financeiro > Emissão de Boletos** (tela FIN0004), confira se o título tem **carteira** e **conta bancária** preenchidas — sem elas, o boleto não é gerado.",
          "2. No cadastro da conta (tela FIN0008), verifique o **código do beneficiário** e a faixa de **nosso número**.",
          "3. Se o boleto é gerado mas não abre, libere os pop-ups do navegador para o UNO ERP ou use **Salvar PDF**.",
          "",
          "Para a segunda via, selecione o título e clique em **Enviar por e-mail**; se o vencimento não mudar, o nosso número é o mesmo e não é preciso gerar nova remessa.",
        ),
      },
    ],
  },
  {
    name: "Estoque",
    description: "Saldos, movimentações, transferências entre depósitos, inventário, lotes e custo médio.",
    articles: [
      {
        question: "Como fazer o inventário do estoque?",
        answer: md(
          "1. Acesse **Estoque > Inventário** (tela EST0005), clique em **Novo inventário** e escolha o depósito (e, se quiser, um grupo de produtos).",
          "2. Clique em **Congelar saldos**: o sistema grava o saldo de cada item naquele momento e imprime as fichas de contagem.",
          "3. Digite as quantidades contadas (ou importe do coletor) e clique em **Encerrar contagem**.",
          "4. Confira o relatório de divergências e clique em **Processar ajustes**: as diferenças viram entradas e saídas no Kardex.",
          "",
          "> **Dica:** evite movimentar o depósito entre o congelamento e o processamento; se for inevitável, anote as movimentações para conferir depois.",
        ),
      },
      {
        question: "Como é calculado o custo médio do produto?",
        answer: md(
          "O UNO ERP usa o **custo médio ponderado móvel**, recalculado a cada entrada:",
          "`custo médio = (saldo × custo médio atual + qtd. da entrada × custo unitário da entrada) ÷ (saldo + qtd. da entrada)`",
          "- O custo da entrada inclui frete, seguro e IPI não recuperável e **exclui** os impostos que geram crédito (ICMS e, no regime não cumulativo, PIS/COFINS).",
          "- Saídas não alteram o custo médio; devoluções de venda voltam pelo custo da venda original.",
          "",
          "Se uma nota de entrada foi lançada com valor errado, corrija-a e rode **Estoque > Recálculo do Custo Médio** (tela EST0007) a partir da data da nota.",
        ),
      },
      {
        question: "Por que o saldo de estoque ficou negativo?",
        answer: md(
          "Normalmente uma saída foi registrada antes da entrada correspondente (por exemplo, faturou antes de lançar a nota do fornecedor).",
          "1. Abra **Estoque > Kardex de Produto** (tela EST0006), informe o produto e o depósito e localize o movimento que deixou o saldo negativo.",
          "2. Lance a entrada que faltou (tela COM0005) com a data correta ou faça um ajuste em **Estoque > Movimentação de Estoque** (tela EST0003).",
          "3. Rode o **Recálculo do Custo Médio** (tela EST0007) a partir da data do problema.",
          "",
          "> **Dica:** para impedir o problema, desmarque **Permitir saldo negativo** nos parâmetros do depósito (tela EST0002).",
        ),
      },
      {
        question: "Como transferir mercadoria entre depósitos?",
        answer: md(
          "1. Acesse **Estoque > Transferência entre Depósitos** (tela EST0004).",
          "2. Informe o depósito de origem, o de destino e os produtos com as quantidades (e o lote, se o produto controlar lote).",
          "3. Clique em **Confirmar**: o sistema gera uma saída na origem e uma entrada no destino pelo mesmo custo médio.",
          "",
          "Entre depósitos do mesmo estabelecimento não há nota fiscal. Entre filiais (CNPJs diferentes), emita a NF-e de transferência na tela FIS0001 (CFOP 5.152 ou 6.152 para mercadoria de terceiros).",
        ),
      },
      {
        question: "Como lançar perda, quebra ou avaria no estoque?",
        answer: md(
          "1. Acesse **Estoque > Movimentação de Estoque** (tela EST0003) e clique em **Nova movimentação**.",
          "2. Escolha o tipo **Saída por ajuste** e o motivo: **Perda**, **Quebra**, **Avaria** ou **Vencimento**.",
          "3. Informe o depósito, o produto, o lote (se houver) e a quantidade, e descreva o ocorrido em **Observação**.",
          "4. Clique em **Gravar**. O movimento sai pelo custo médio e aparece no Kardex (tela EST0006).",
          "",
          "> Perdas podem exigir nota fiscal de baixa (CFOP 5.927) e estorno do crédito de ICMS. Confirme o procedimento com o seu contador.",
        ),
      },
    ],
  },
  {
    name: "Compras",
    description: "Solicitações, cotações, pedidos de compra, aprovações e entrada das notas de fornecedores.",
    articles: [
      {
        question: "Como registrar uma solicitação de compra?",
        answer: md(
          "1. Acesse **Compras > Solicitação de Compra** (tela COM0001) e clique em **Nova solicitação**.",
          "2. Informe os produtos, as quantidades, a data em que precisa do material e o centro de custo.",
          "3. Clique em **Enviar**: o comprador recebe a solicitação e pode agrupá-la em uma cotação (tela COM0002).",
          "",
          "Acompanhe pelo campo **Situação**: pendente, em cotação, pedido gerado ou atendida.",
        ),
      },
      {
        question: "Como gerar um pedido de compra a partir de uma cotação?",
        answer: md(
          "1. Em **Compras > Cotação de Preços** (tela COM0002), crie a cotação a partir das solicitações aprovadas e escolha os fornecedores.",
          "2. Clique em **Enviar aos fornecedores** e, ao receber as respostas, digite preço, prazo de entrega e condição de pagamento de cada um.",
          "3. Abra o **Mapa comparativo**, marque o vencedor de cada item e clique em **Gerar pedido de compra**.",
          "",
          "O pedido é criado na tela COM0003 já vinculado à cotação e segue para aprovação, se a sua empresa usa alçadas.",
        ),
      },
      {
        question: "Por que meu pedido de compra está aguardando aprovação?",
        answer: md(
          "Quando a empresa usa **alçadas de aprovação**, todo pedido acima do limite do comprador fica **Aguardando aprovação** e não pode ser enviado ao fornecedor.",
          "1. Em **Compras > Aprovação de Pedidos de Compra** (tela COM0004), o aprovador vê os pedidos pendentes da sua alçada.",
          "2. Ele pode **aprovar**, **reprovar** (com justificativa) ou devolver o pedido para ajuste.",
          "3. Aprovado, o pedido fica liberado na tela COM0003 para envio e recebimento.",
          "",
          "As alçadas (valores e aprovadores) são definidas pelo administrador em **Acesso > Perfis de Acesso** (tela ACE0002).",
        ),
      },
      {
        question: "Como importar o XML da NF-e do fornecedor na entrada?",
        answer: md(
          "1. Acesse **Compras > Importação de XML de NF-e** (tela COM0006) e selecione o arquivo XML recebido do fornecedor.",
          "2. O sistema identifica o fornecedor pelo CNPJ e sugere o pedido de compra em aberto.",
          "3. Na primeira compra de cada item, faça o **de-para**: associe o código do produto do fornecedor ao seu código interno. Nas próximas, o vínculo é automático.",
          "4. Confira o CFOP de entrada, os impostos e as quantidades e clique em **Gerar entrada** — a nota vai para a tela COM0005 e o estoque é atualizado.",
        ),
      },
      {
        question: "A nota do fornecedor veio com quantidade diferente do pedido de compra. E agora?",
        answer: md(
          "Na entrada (tela COM0005), o sistema compara a nota com o pedido e aplica a **tolerância de recebimento** configurada:",
          "- **Quantidade menor:** dê entrada no que chegou; o saldo continua aberto no pedido (tela COM0003) até ser recebido ou eliminado.",
          "- **Quantidade maior, dentro da tolerância:** a entrada é aceita e o excedente fica registrado.",
          "- **Acima da tolerância ou com preço diferente:** a entrada fica bloqueada até o comprador ajustar o pedido ou o aprovador liberar a divergência.",
          "",
          "Se a mercadoria não for aceita, não lance a nota: recuse o recebimento e peça a correção ao fornecedor.",
        ),
      },
    ],
  },
  {
    name: "Cadastros",
    description: "Clientes, fornecedores, produtos, transportadoras, vendedores e condições de pagamento.",
    articles: [
      {
        question: "Como cadastrar um novo cliente?",
        answer: md(
          "1. Acesse **Cadastros > Clientes** (tela CAD0001) e clique em **Incluir**.",
          "2. Digite o CNPJ ou CPF e clique em **Consultar** para preencher razão social e endereço automaticamente.",
          "3. Preencha o **Indicador de IE** (contribuinte, isento ou não contribuinte) e a inscrição estadual — eles definem o cálculo do ICMS e do DIFAL na NF-e.",
          "4. Na aba **Financeiro**, informe a condição de pagamento e o limite de crédito; na aba **Contatos**, os e-mails que recebem o XML e o boleto.",
          "5. Clique em **Gravar**.",
        ),
      },
      {
        question: "Como informar o NCM e a tributação no cadastro de produtos?",
        answer: md(
          "1. Acesse **Cadastros > Produtos** (tela CAD0003) e abra o produto.",
          "2. Na aba **Fiscal**, informe o **NCM** com 8 dígitos e, se o produto estiver sujeito à substituição tributária, o **CEST**.",
          "3. Preencha a **origem da mercadoria** (0 – Nacional, 1 – Estrangeira, importação direta etc.) e o **grupo tributário**, que liga o produto às regras da tela FIS0006 (CST/CSOSN e alíquotas de ICMS, IPI, PIS e COFINS).",
          "4. Clique em **Gravar**. As próximas notas já usam os novos dados; notas autorizadas não mudam.",
          "",
          "> **Dica:** NCM inválido ou extinto causa a rejeição 778 na SEFAZ. Na dúvida sobre a classificação, consulte o seu contador.",
        ),
      },
      {
        question: "Como cadastrar um fornecedor?",
        answer: md(
          "1. Acesse **Cadastros > Fornecedores** (tela CAD0002) e clique em **Incluir**.",
          "2. Informe CNPJ ou CPF, inscrição estadual, endereço e o regime tributário (Simples Nacional ou regime normal) — ele influencia o crédito de ICMS na entrada.",
          "3. Na aba **Financeiro**, preencha os dados bancários ou a chave PIX usados nos pagamentos do **Contas a Pagar** (tela FIN0002).",
          "4. Clique em **Gravar**. Na importação do XML (tela COM0006), o fornecedor é localizado pelo CNPJ.",
        ),
      },
      {
        question: "Por que não consigo excluir um cliente ou produto?",
        answer: md(
          "Cadastros que já têm movimentação (pedidos, notas, títulos ou estoque) não podem ser excluídos, para preservar o histórico fiscal e financeiro.",
          "",
          "Nesse caso, **inative** o registro: abra o cadastro (tela CAD0001 para clientes, CAD0003 para produtos), desmarque **Ativo** e grave. Ele deixa de aparecer na digitação de pedidos e notas, mas continua nos relatórios.",
          "",
          "Só podem ser excluídos os cadastros incluídos por engano e nunca usados.",
        ),
      },
      {
        question: "Como cadastrar os contatos de um cliente que recebem o XML e o boleto?",
        answer: md(
          "1. Acesse **Atendimento > Atendimento ao Cliente** (tela ATW0001) e pesquise o cliente pelo código ou CNPJ.",
          "2. Na aba **Contatos**, clique em **Incluir contato** e informe nome, cargo, telefone e e-mail.",
          "3. Marque **Recebe XML/DANFE** e/ou **Recebe boleto** nos contatos que devem receber os documentos.",
          "4. Clique em **Gravar contato** e depois em **Gravar** no cliente.",
          "",
          "Os mesmos contatos aparecem em **Cadastros > Clientes** (tela CAD0001), na aba **Contatos**.",
        ),
      },
    ],
  },
  {
    name: "Relatórios",
    description:
      "Relatórios de vendas, estoque, financeiro e fiscais, seus filtros e a exportação para Excel e PDF.",
    articles: [
      {
        question: "Como exportar um relatório para Excel ou PDF?",
        answer: md(
          "1. Abra o relatório desejado (por exemplo, **Relatórios > Vendas por Período**, tela REL0001) e preencha os filtros.",
          "2. Clique em **Visualizar** e, na barra superior da visualização, em **Exportar**.",
          "3. Escolha **Excel (XLSX)** para trabalhar em planilha, **CSV** para importar em outro sistema ou **PDF** para enviar por e-mail.",
          "",
          "> **Dica:** em relatórios grandes, use **Agendar envio**: o arquivo chega no seu e-mail quando estiver pronto.",
        ),
      },
      {
        question: "Como tirar o relatório de vendas por período e por vendedor?",
        answer: md(
          "1. Acesse **Relatórios > Vendas por Período** (tela REL0001).",
          "2. Informe o período e, em **Agrupar por**, escolha **Vendedor** (ou cliente, produto, UF).",
          "3. Marque **Descontar devoluções** para ver a venda líquida e clique em **Visualizar**.",
          "",
          "O relatório considera apenas NF-e autorizadas; notas canceladas e pedidos não faturados ficam de fora.",
        ),
      },
      {
        question: "Como gerar a curva ABC de produtos?",
        answer: md(
          "1. Acesse **Relatórios > Curva ABC de Produtos** (tela REL0002).",
          "2. Escolha o critério (**faturamento**, **quantidade** ou **margem**) e o período.",
          "3. Ajuste as faixas, se quiser — o padrão é A = 80%, B = 15% e C = 5% do total.",
          "4. Clique em **Visualizar**. Os itens da faixa A são os que mais pesam no resultado e merecem atenção na reposição e no inventário.",
        ),
      },
      {
        question: "O relatório de títulos em aberto não bate com o Contas a Receber. Por quê?",
        answer: md(
          "Quase sempre a diferença está nos filtros:",
          "- O relatório **Títulos em Aberto** (tela REL0004) usa a **data-base** informada: títulos baixados depois dela aparecem como abertos.",
          "- A tela **Contas a Receber** (FIN0001) mostra a posição de hoje e pode estar filtrando por filial, portador ou vencimento.",
          "- Títulos **provisórios** só entram no relatório com a opção **Incluir provisórios** marcada.",
          "",
          "Use a mesma data e os mesmos filtros nas duas telas para comparar.",
        ),
      },
      {
        question: "Como ver a posição do estoque em uma data passada?",
        answer: md(
          "1. Acesse **Relatórios > Posição de Estoque** (tela REL0003).",
          "2. Preencha **Posição em** com a data desejada (por exemplo, o último dia do mês, para o fechamento).",
          "3. Escolha o depósito e marque **Valorizar pelo custo médio** para ver o valor do estoque.",
          "4. Clique em **Visualizar**. O saldo é recalculado pelo Kardex (tela EST0006), inclusive com movimentos lançados depois com data retroativa.",
        ),
      },
    ],
  },
  {
    name: "Acesso e usuários",
    description: "Usuários, senhas, perfis de acesso e permissões por tela no UNO ERP.",
    articles: [
      {
        question: "Esqueci minha senha do UNO ERP. Como faço para entrar?",
        answer: md(
          "1. Na tela de login do UNO ERP, clique em **Esqueci minha senha** e informe seu usuário ou e-mail.",
          "2. Você recebe um e-mail com um link para definir uma nova senha (confira também a caixa de spam).",
          "3. Se o e-mail não chegar, peça ao administrador da sua empresa para clicar em **Redefinir senha** em **Acesso > Usuários** (tela ACE0001).",
          "",
          "> A senha da Extranet é diferente da senha do UNO ERP: para ela, use o link **Esqueci minha senha** da própria Extranet.",
        ),
      },
      {
        question: "Como criar um novo usuário no UNO ERP?",
        answer: md(
          "1. O administrador da empresa acessa **Acesso > Usuários** (tela ACE0001) e clica em **Incluir**.",
          "2. Informe nome, login e e-mail e escolha um ou mais **perfis de acesso** (ex.: Faturamento, Financeiro).",
          "3. Se a empresa tem filiais, marque as filiais que o usuário pode acessar.",
          "4. Clique em **Gravar**: o usuário recebe por e-mail o link para definir a senha no primeiro acesso.",
          "",
          "O número de usuários simultâneos é limitado pelas licenças do seu contrato.",
        ),
      },
      {
        question: "Como liberar ações específicas (incluir, alterar, excluir) para um perfil de acesso?",
        answer: md(
          "1. Acesse **Acesso > Permissões por Tela** (tela ACE0003) e escolha o perfil.",
          "2. Localize a tela pelo código (ex.: FAT0002) ou pelo módulo.",
          "3. Marque as ações permitidas — **Consultar**, **Incluir**, **Alterar**, **Excluir** e **Imprimir** — e as ações especiais da tela, como **Cancelar NF-e** ou **Liberar crédito**.",
          "4. Clique em **Gravar**. Os usuários do perfil precisam sair e entrar de novo no sistema.",
          "",
          "> **Dica:** crie perfis por função (Vendas, Financeiro, Compras) em vez de dar permissões usuário a usuário.",
        ),
      },
      {
        question: "Aparece “Acesso negado” ao abrir uma tela. O que fazer?",
        answer: md(
          "A mensagem indica que nenhum dos seus perfis tem a permissão **Consultar** naquela tela.",
          "1. Anote o código da tela, que aparece na barra de título (ex.: COM0003).",
          "2. Peça ao administrador da sua empresa para liberar a tela no seu perfil em **Acesso > Permissões por Tela** (tela ACE0003).",
          "3. Depois da liberação, saia e entre de novo no UNO ERP.",
          "",
          "O administrador pode ver as tentativas de acesso em **Acesso > Log de Acessos** (tela ACE0004).",
        ),
      },
      {
        question: "Meu login não funciona e aparece “Usuário bloqueado”. O que fazer?",
        answer: md(
          "Por segurança, o usuário é bloqueado após algumas tentativas com senha incorreta ou quando a senha expira, conforme a **Política de Senhas** (tela ACE0005).",
          "1. Aguarde o desbloqueio automático, se a sua empresa tiver configurado um tempo de bloqueio; ou",
          "2. peça ao administrador para clicar em **Desbloquear** (e, se preciso, **Redefinir senha**) em **Acesso > Usuários** (tela ACE0001).",
          "",
          "> **Dica:** confira se o Caps Lock está ativado — a senha diferencia maiúsculas de minúsculas.",
        ),
      },
    ],
  },
];
