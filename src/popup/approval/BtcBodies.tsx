import type { ApprovalBody } from '../../shared/approvals';
import { btc } from '../btc/format';
import { TxSummary } from '../btc/TxSummary';
import { useT } from '../i18n';
import { Field } from './Field';

export function BtcSignMessageBody({ body }: { body: Extract<ApprovalBody, { kind: 'btc_sign_message' }> }) {
  const t = useT();
  return (
    <>
      <h1>{t('approval.btcMessage.title')}</h1>
      <dl className="fields">
        <Field label={t('approval.sign.account')}>
          <code>{body.address}</code>
        </Field>
        <Field label={t('btc.network')}>{body.networkName}</Field>
        <Field label={t('approval.btcMessage.protocol')}>{body.protocol === 'ecdsa' ? 'ECDSA (Bitcoin Signed Message)' : 'BIP-322'}</Field>
      </dl>
      <h2>{t('approval.sign.message')}</h2>
      <pre className="message" data-testid="sign-message-text" tabIndex={0}>
        {body.message}
      </pre>
    </>
  );
}

/** A dApp's PSBT, decoded: which inputs are ours and get signed, every output, the fee. */
export function BtcPsbtBody({ body }: { body: Extract<ApprovalBody, { kind: 'btc_sign_psbt' }> }) {
  const t = useT();
  const signing = body.tx.inputs.filter((i) => i.sign).length;
  return (
    <>
      <h1>{t('approval.psbt.title')}</h1>
      <p>{t('approval.psbt.intro', { n: signing, total: body.tx.inputs.length })}</p>
      <dl className="fields">
        <Field label={t('approval.psbt.sent')}>{btc(body.tx.sent)}</Field>
        <Field label={t('approval.psbt.after')}>{t(body.broadcast ? 'approval.psbt.broadcast' : body.finalize ? 'approval.psbt.finalize' : 'approval.psbt.returned')}</Field>
      </dl>
      <TxSummary tx={body.tx} showSigning />
    </>
  );
}

export function BtcSendBody({ body }: { body: Extract<ApprovalBody, { kind: 'btc_send' }> }) {
  const t = useT();
  const r = body.review;
  return (
    <>
      <h1>{t('approval.btcSend.title')}</h1>
      <dl className="fields">
        {r.recipients.map((x) => (
          <Field key={x.address} label={t('send.to')} testid="btc-send-recipient">
            <code>{x.address}</code> · {btc(x.value)}
          </Field>
        ))}
        <Field label={t('btc.total')}>{btc(BigInt(r.sent) + BigInt(r.fee ?? '0'))}</Field>
      </dl>
      <TxSummary tx={r} />
    </>
  );
}
