// Demo screen catalog: the UNO ERP screens a ticket can name, grouped by module (three letters + four digits).
import type { DemoScreen } from "./types";

export const demoScreens: DemoScreen[] = [
  // Atendimento
  { code: "ATW0001", name: "Atendimento ao Cliente", module: "Atendimento" },
  { code: "ATW0002", name: "Contatos do Cliente", module: "Atendimento" },
  { code: "ATW0003", name: "Agenda de Atendimentos", module: "Atendimento" },

  // Fiscal
  { code: "FIS0001", name: "Emissão de NF-e", module: "Fiscal" },
  { code: "FIS0002", name: "Emissão de NFC-e", module: "Fiscal" },
  { code: "FIS0003", name: "Monitor de Documentos Fiscais", module: "Fiscal" },
  { code: "FIS0004", name: "Carta de Correção Eletrônica (CC-e)", module: "Fiscal" },
  { code: "FIS0005", name: "Cancelamento e Inutilização de NF-e", module: "Fiscal" },
  { code: "FIS0006", name: "Regras de Tributação", module: "Fiscal" },
  { code: "FIS0007", name: "Cadastro de CFOP", module: "Fiscal" },
  { code: "FIS0008", name: "Apuração de ICMS", module: "Fiscal" },
  { code: "FIS0009", name: "SPED Fiscal (EFD ICMS/IPI)", module: "Fiscal" },
  { code: "FIS0010", name: "Certificado Digital", module: "Fiscal" },

  // Faturamento
  { code: "FAT0001", name: "Pedidos de Venda", module: "Faturamento" },
  { code: "FAT0002", name: "Faturamento de Pedidos", module: "Faturamento" },
  { code: "FAT0003", name: "Tabelas de Preço", module: "Faturamento" },
  { code: "FAT0004", name: "Devolução de Vendas", module: "Faturamento" },
  { code: "FAT0005", name: "Comissões de Vendedores", module: "Faturamento" },
  { code: "FAT0006", name: "Configuração de Impressão do DANFE", module: "Faturamento" },

  // Financeiro
  { code: "FIN0001", name: "Contas a Receber", module: "Financeiro" },
  { code: "FIN0002", name: "Contas a Pagar", module: "Financeiro" },
  { code: "FIN0003", name: "Baixa de Títulos", module: "Financeiro" },
  { code: "FIN0004", name: "Emissão de Boletos", module: "Financeiro" },
  { code: "FIN0005", name: "Fluxo de Caixa", module: "Financeiro" },
  { code: "FIN0006", name: "Conciliação Bancária", module: "Financeiro" },
  { code: "FIN0007", name: "Remessa e Retorno CNAB", module: "Financeiro" },
  { code: "FIN0008", name: "Contas Bancárias", module: "Financeiro" },
  { code: "FIN0009", name: "Plano de Contas Financeiro", module: "Financeiro" },

  // Estoque
  { code: "EST0001", name: "Consulta de Saldos", module: "Estoque" },
  { code: "EST0002", name: "Depósitos", module: "Estoque" },
  { code: "EST0003", name: "Movimentação de Estoque", module: "Estoque" },
  { code: "EST0004", name: "Transferência entre Depósitos", module: "Estoque" },
  { code: "EST0005", name: "Inventário", module: "Estoque" },
  { code: "EST0006", name: "Kardex de Produto", module: "Estoque" },
  { code: "EST0007", name: "Recálculo do Custo Médio", module: "Estoque" },
  { code: "EST0008", name: "Lotes e Validades", module: "Estoque" },

  // Compras
  { code: "COM0001", name: "Solicitação de Compra", module: "Compras" },
  { code: "COM0002", name: "Cotação de Preços", module: "Compras" },
  { code: "COM0003", name: "Pedidos de Compra", module: "Compras" },
  { code: "COM0004", name: "Aprovação de Pedidos de Compra", module: "Compras" },
  { code: "COM0005", name: "Entrada de Notas Fiscais", module: "Compras" },
  { code: "COM0006", name: "Importação de XML de NF-e", module: "Compras" },

  // Cadastros
  { code: "CAD0001", name: "Cadastro de Clientes", module: "Cadastros" },
  { code: "CAD0002", name: "Cadastro de Fornecedores", module: "Cadastros" },
  { code: "CAD0003", name: "Cadastro de Produtos", module: "Cadastros" },
  { code: "CAD0004", name: "Cadastro de Transportadoras", module: "Cadastros" },
  { code: "CAD0005", name: "Cadastro de Vendedores", module: "Cadastros" },
  { code: "CAD0006", name: "Condições de Pagamento", module: "Cadastros" },

  // Relatórios
  { code: "REL0001", name: "Vendas por Período", module: "Relatórios" },
  { code: "REL0002", name: "Curva ABC de Produtos", module: "Relatórios" },
  { code: "REL0003", name: "Posição de Estoque", module: "Relatórios" },
  { code: "REL0004", name: "Títulos em Aberto", module: "Relatórios" },
  { code: "REL0005", name: "Livro Registro de Saídas", module: "Relatórios" },
  { code: "REL0006", name: "DRE Gerencial", module: "Relatórios" },

  // Acesso
  { code: "ACE0001", name: "Usuários", module: "Acesso" },
  { code: "ACE0002", name: "Perfis de Acesso", module: "Acesso" },
  { code: "ACE0003", name: "Permissões por Tela", module: "Acesso" },
  { code: "ACE0004", name: "Log de Acessos", module: "Acesso" },
  { code: "ACE0005", name: "Política de Senhas", module: "Acesso" },
];
