import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import StatusView from '../../components/StatusView';
import { verifyMembership } from '../../services/membership';
import { errorMessage, isApiRequestError } from '../../services/request';
import { a11y, fieldA11y } from '../../utils/a11y';
import { targetFromParams, targetQuery } from '../../utils/target';
import { pageUrl } from '../../utils/url';
import './index.less';

const WHY =
  '本职工之家只接受工会会员名册中的会员评议。请填写您在名册中的姓名和会员编号，只需验证一次。' +
  '名册以加密方式保存，您的身份与评议内容分开存放，工会主席看不到是谁作出了哪条评价。';

type Errors = { name?: string; memberNo?: string; general?: string };

function refusal(e: unknown): Errors {
  if (!isApiRequestError(e)) return { general: errorMessage(e) };
  // The server answers alike for no such entry and an entry bound to another account (it must not
  // tell anyone who has verified): both are a 404, and only the level above can look into it.
  if (e.status === 404)
    return {
      general:
        '名册中没有找到可以绑定的会员信息。请核对姓名和会员编号；如确为本人且信息无误，可能已被其他微信账号绑定，请联系上级工会核实。',
    };
  if (e.status === 409) return { general: e.message };
  if (e.status === 429) return { general: '尝试次数过多，为保护会员信息，请 15 分钟后再试。' };
  if (e.status === 400 && e.fields) return { name: e.fields.name, memberNo: e.fields.memberNo, general: e.message };
  return { general: errorMessage(e) };
}

interface FieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
  onConfirm?: () => void;
}

function Field({ id, label, placeholder, value, error, onInput, onConfirm }: FieldProps) {
  return (
    <>
      <Text className="field-label">{label}</Text>
      <Input
        id={id}
        className="text-input"
        {...fieldA11y(label)}
        placeholder={placeholder}
        maxlength={50}
        value={value}
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={onConfirm}
      />
      {error && (
        <Text className="field-error" id={`error-${id}`}>
          {error}
        </Text>
      )}
    </>
  );
}

/** Roster homes: the member proves they are on the roster once (name and member number), then rates. */
export default function MembershipPage() {
  const { params } = useRouter();
  const target = useMemo(() => targetFromParams(params), [params]);
  const [name, setName] = useState('');
  const [memberNo, setMemberNo] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  if (!target.homeId) {
    return (
      <View className="page membership" {...a11y({ role: 'main' })}>
        <StatusView kind="empty" text="请扫描职工之家的二维码进入" />
      </View>
    );
  }

  const submit = async () => {
    const missing: Errors = {};
    if (!name.trim()) missing.name = '请填写姓名';
    if (!memberNo.trim()) missing.memberNo = '请填写会员编号';
    if (missing.name || missing.memberNo) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      await verifyMembership(target.homeId, { name: name.trim(), memberNo: memberNo.trim() });
      // Verified: on to the rating form (a draft left there is restored).
      if (target.campaignId) Taro.redirectTo({ url: pageUrl('/pages/rate/index', targetQuery(target)) });
      else Taro.redirectTo({ url: pageUrl('/pages/home/index', { scene: target.scene }) });
    } catch (e) {
      setErrors(refusal(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page membership" {...a11y({ role: 'main' })}>
      <View className="card">
        <Text className="title" id="membership-title">
          验证会员身份
        </Text>
        {target.homeName && <Text className="membership__home">{target.homeName}</Text>}
        <Text className="note" id="membership-why">
          {WHY}
        </Text>
        <Field id="member-name" label="姓名" placeholder="与会员名册一致" value={name} error={errors.name} onInput={setName} />
        <Field
          id="member-no"
          label="会员编号"
          placeholder="可向本单位工会询问"
          value={memberNo}
          error={errors.memberNo}
          onInput={setMemberNo}
          onConfirm={submit}
        />
        {errors.general && (
          <View className="callout callout--error" id="verify-error" {...a11y({ role: 'alert' })}>
            {errors.general}
          </View>
        )}
        <Button
          id="verify-submit"
          className={`btn btn--primary membership__submit${busy ? ' btn--disabled' : ''}`}
          {...a11y({ role: 'button', label: '验证并继续', disabled: busy })}
          loading={busy}
          disabled={busy}
          onClick={submit}
        >
          验证并继续
        </Button>
      </View>
    </View>
  );
}
