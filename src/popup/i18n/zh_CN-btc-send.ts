import type { enBtcSend } from './en-btc-send';

/** 简体中文: Bitcoin send safety (spread into zh_CN). */
export const zhBtcSend: Record<keyof typeof enBtcSend, string> = {
  'btc.dropped.intro': '花费这笔交易的后续交易会随它一起被移除。除非您重新发送，否则它们不会发生；本次手续费也包含移除它们的费用：',
  'btc.dropped.mine': '您向 {to} 支付的 {amount}',
  'btc.dropped.self': '您的交易 {txid}（转到您自己的地址）',
  'btc.dropped.other': '他人的一笔交易（{txid}），它花费了您发出的币',
  'btc.dropped.hint': '如果想保留它们，请改为加速其中最新的一笔：它更高的手续费同样能让这一笔更快确认。',
  'error.btc_server_mismatch': '比特币服务器提供的币金额或地址与其来源交易不符。未签名也未发送任何内容。请在 设置 → 网络 中检查该服务器。',
  'error.btc_replacement_changed': '自您预览后，有一笔新交易花费了您要替换的交易。未发送任何内容；请重新预览。',
  'error.btc_too_many_descendants': '依赖这笔交易的后续交易太多：网络会拒绝替换它。',
};
