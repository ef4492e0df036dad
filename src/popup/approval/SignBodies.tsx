import type { ApprovalBody } from '../../shared/approvals';
import { useT } from '../i18n';
import { Field } from './Field';

export function PersonalSignBody({ body }: { body: Extract<ApprovalBody, { kind: 'personal_sign' }> }) {
  const t = useT();
  return (
    <>
      <h1>{t('approval.sign.title')}</h1>
      <dl className="fields">
        <Field label={t('approval.sign.account')}>
          <code>{body.address}</code>
        </Field>
      </dl>
      <h2>{t('approval.sign.message')}</h2>
      {body.text !== null ? (
        <pre className="message" data-testid="sign-message-text" tabIndex={0}>
          {body.text}
        </pre>
      ) : (
        <>
          <p>{t('approval.sign.hex')}</p>
          <pre className="message" data-testid="sign-message-hex" tabIndex={0}>
            {body.hex}
          </pre>
        </>
      )}
    </>
  );
}

export function TypedDataBody({ body }: { body: Extract<ApprovalBody, { kind: 'typed_data' }> }) {
  const t = useT();
  return (
    <>
      <h1>{t('approval.typed.title')}</h1>
      <dl className="fields">
        <Field label={t('approval.sign.account')}>
          <code>{body.address}</code>
        </Field>
      </dl>
      <h2>{t('approval.typed.domain')}</h2>
      <dl className="fields" data-testid="typed-data-domain">
        {body.domain.map((f) => (
          <Field key={f.path} label={f.label}>
            {f.value}
          </Field>
        ))}
      </dl>
      <h2>{t('approval.typed.message', { type: body.primaryType })}</h2>
      <dl className="fields" data-testid="typed-data-fields">
        {body.fields.map((f) => (
          <div key={f.path} className="field" style={{ paddingInlineStart: `${f.depth}em` }} data-path={f.path}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
