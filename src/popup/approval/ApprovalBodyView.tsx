import type { ApprovalBody, ApprovalDecision } from '../../shared/approvals';
import { BtcPsbtBody, BtcSendBody, BtcSignMessageBody } from './BtcBodies';
import { AddChainBody, SwitchChainBody, WatchAssetBody } from './ChainBodies';
import { ConnectBody } from './ConnectBody';
import { PersonalSignBody, TypedDataBody } from './SignBodies';
import { TransactionBody } from './TransactionBody';

export type SetDecision = (fn: () => ApprovalDecision | null) => void;

/** The part of the approval screen that differs per kind of request. */
export function ApprovalBodyView({ body, setDecision }: { body: ApprovalBody; setDecision: SetDecision }) {
  switch (body.kind) {
    case 'connect':
      return <ConnectBody body={body} setDecision={setDecision} />;
    case 'personal_sign':
      return <PersonalSignBody body={body} />;
    case 'typed_data':
      return <TypedDataBody body={body} />;
    case 'transaction':
      return <TransactionBody body={body} setDecision={setDecision} />;
    case 'switch_chain':
      return <SwitchChainBody body={body} />;
    case 'add_chain':
      return <AddChainBody body={body} />;
    case 'watch_asset':
      return <WatchAssetBody body={body} />;
    case 'btc_sign_message':
      return <BtcSignMessageBody body={body} />;
    case 'btc_sign_psbt':
      return <BtcPsbtBody body={body} />;
    case 'btc_send':
      return <BtcSendBody body={body} />;
    case 'unlock':
      return null;
  }
}
