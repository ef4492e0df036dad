import type { ApprovalBody } from '../../shared/approvals';
import { useT } from '../i18n';
import { Field } from './Field';

export function SwitchChainBody({ body }: { body: Extract<ApprovalBody, { kind: 'switch_chain' }> }) {
  const t = useT();
  return (
    <>
      <h1>{t('approval.switch.title')}</h1>
      <p>{body.btc ? t('approval.switch.btcBody', { from: body.fromName, to: body.name }) : t('approval.switch.body', { from: body.fromName, to: body.name, chainId: body.chainId })}</p>
    </>
  );
}

export function AddChainBody({ body }: { body: Extract<ApprovalBody, { kind: 'add_chain' }> }) {
  const t = useT();
  return (
    <>
      <h1>{t('approval.add.title')}</h1>
      <dl className="fields">
        <Field label={t('approval.add.name')}>{body.name}</Field>
        <Field label={t('approval.add.chainId')}>{body.chainId}</Field>
        <Field label={t('approval.add.rpc')}>
          <code>{body.rpcUrl}</code>
        </Field>
        {body.explorerUrl && <Field label={t('approval.add.explorer')}>{body.explorerUrl}</Field>}
        <Field label={t('approval.add.symbol')}>{body.nativeSymbol}</Field>
      </dl>
    </>
  );
}

export function WatchAssetBody({ body }: { body: Extract<ApprovalBody, { kind: 'watch_asset' }> }) {
  const t = useT();
  return (
    <>
      <h1>{t('approval.watch.title')}</h1>
      <dl className="fields">
        <Field label={t('approval.watch.symbol')}>{body.symbol}</Field>
        <Field label={t('approval.watch.address')}>
          <code>{body.address}</code>
        </Field>
        <Field label={t('approval.watch.decimals')}>{body.decimals}</Field>
      </dl>
    </>
  );
}
