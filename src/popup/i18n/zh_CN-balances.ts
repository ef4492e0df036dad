import type { enBalances } from './en-balances';

/** 简体中文: balances — the account menu, "unavailable", default tokens (spread into zh_CN). */
export const zhBalances: Record<keyof typeof enBalances, string> = {
  'balances.accountUnavailable': '无法获取余额',
  'balances.unavailableHint': '宁可不显示数字，也不显示错误的数字。如果一直如此，请在“设置 › 网络”中检查此网络的 RPC 地址。',
  'tokens.hide': '隐藏',
  'tokens.hideLabel': '隐藏 {symbol}',
  'tokens.defaultBadge': '默认列出',
  'tokens.hiddenNote': '再次添加其合约地址即可恢复已隐藏的代币。',
};
