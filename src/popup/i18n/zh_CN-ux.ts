import type { enUx } from './en-ux';

/** 简体中文: errors from the network and waiting on it (spread into zh_CN). */
export const zhUx: Record<keyof typeof enUx, string> = {
  'error.rpc_timeout': '网络在 {count} 秒内没有响应。请在设置中检查 RPC 地址，或稍后重试。',
  'error.nonce_used': '此账户的另一笔交易已经使用了这个 nonce。请查看活动记录后重试。未发送任何内容。',
  'error.fee_too_low': '网络要求这笔交易支付更高的手续费（替换交易必须明显高于被替换的那笔）。未发送任何内容。',
  'error.node_refused': '网络拒绝了该请求：“{detail}”。',
  'common.stopWaiting': '停止等待',
  'waiting.quote': '正在向网络核对这笔交易…',
  'waiting.token': '正在从网络读取代币合约…',
  'waiting.network': '正在询问该 RPC 属于哪条链…',
};
